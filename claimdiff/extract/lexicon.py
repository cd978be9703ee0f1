"""The news vocabulary, kept apart from the code that reads it, as spaCy keeps its language
data apart from its pipeline: reporting verbs, hedges and unconfirmed cues, negators and
what does not negate, roles, bodies and outlets, opposites, modal pairs, and the gazetteer.

Two kinds of entry. The parse readers (claimdiff.extract.reading, scope) read sets of
lower-cased lemmas. The pattern readers (attribution.py, stance.py, the judge) read
regular-expression sources, compiled where they are read: they stay patterns where they
name phrases the parse does not tell as one unit ("could not be independently verified",
"on condition of anonymity", "ticked up"), and the parse then decides each cue's scope.
"""

from __future__ import annotations

# verbs whose subject is a source and whose content clause is what was claimed
REPORTING = frozenset("""
say tell add confirm deny state warn estimate cite quote announce claim report insist explain declare acknowledge
admit argue assert testify disclose reveal indicate note stress emphasize emphasise write caution suggest believe
assess urge pledge promise vow describe brief predict forecast reiterate repeat allege contend maintain show
""".split())

# relations that open a clause of its own under another word: a negation or a hedge found
# under one of them belongs to that clause, not to the claim's predicate
CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "csubj", "csubjpass", "parataxis", "prep",
                     "agent", "appos", "npadvmod"})

# nouns of saying and thinking: the clause after one ("concerns that Russia could", "fears that")
# says what is feared or said, as a verb's content clause does
SAYING_NOUNS = frozenset("""
concern fear worry hope claim report warning evidence sign belief view suggestion expectation doubt speculation
risk possibility chance likelihood indication assessment estimate suspicion allegation rumour rumor news word fact
""".split())

# nouns that restate the claim they stand beside ("..., a figure that could not be independently
# verified"): a clause about one of them speaks of the claim itself
RESTATING = frozenset("figure claim number toll report account estimate tally count assertion allegation statement "
                      "death deaths".split())

# words that negate the clause they attach to ("not", "n't", "never" are tagged neg by the parser)
NEGATORS = frozenset({"not", "n't", "n’t", "never", "no", "nothing", "none", "nobody", "neither", "nor", "no longer"})

# words that open an indirect question ("where he may steer", "whether the dam was struck")
QUESTION_WORDS = frozenset("whether if where when why how what who whom whose which".split())

# prepositions that say where someone is, with a meaning of their own: "nobody was aboard" is
# denied by "two crew members were aboard", and not by any mention of the craft
PLACING_PREPOSITIONS = frozenset("aboard inside onboard among beneath underneath".split())

# modal auxiliaries that hedge what their verb says (epistemic)
EPISTEMIC = frozenset({"may", "might", "could"})
# modals that, negated, forbid or deny rather than hedge: "may not ban", "cannot ban", "must not"
DEONTIC_NEGATED = frozenset({"may", "can", "could", "must", "shall", "should"})

# Page furniture: the lines of a web page, or of text copied from one, that are no part of the
# report's prose. A line that opens with one of these (case ignored) is a caption, a credit, a
# prompt, or a link to another story; its words are the page's, not the report's claims
FURNITURE_OPENINGS = (
    r"(?:(?:photo|image|media|video|picture)\s+)?caption\b|image source\b|(?:photo|picture|image)s?\s*(?:credit)?\s*:"
    r"|(?:read|see|watch|listen)(?:\s+(?:more|also|next))?\s*[:|]|read more\b|also read\b|more on this\b"
    r"|related(?:\s+(?:stories|articles|coverage|content|topics))?\s*:"
    r"|(?:recommended|most read|most popular|advertisement|trending)(?:\s+(?:for you|stories|now))?\s*[:|]?\s*$"
    r"|sign up (?:for|to|here)\b|subscribe (?:to|now|here)\b|copyright\s+(?:\u00a9|\(c\)|\d{4})|\u00a9"
    r"|all rights reserved\b|click here\b|follow (?:us|this story|our)\b|share (?:this|on)\b|(?:updated|published)\s*:"
    r"|\((?:reporting|writing|additional reporting|editing|compiled) by\b|(?:additional reporting|editing) by\b")
# a photo's credit that closes a caption: "... on Tuesday. (AP Photo/Jon Doe)", "... REUTERS/Jane Roe"
PHOTO_CREDIT = r"(?:\((?:[^()]*\b(?:photo|photos|images|pool)\b[^()]*)\)|\b(?:REUTERS|AFP|EPA|AP|Getty Images)/[^/]{2,40})\s*$"
# a line without a sentence's end, this short or shorter, is a headline, a subhead, a byline or a
# menu entry, not prose: a claim's sentence ends ("Petition passes 600,000 signatures", "By A. Writer")
HEADLINE_WORDS = 15

# a sentence with no verb and no common noun claims nothing: a dateline, an agency tag, a byline
# verbs whose subject counts or reports a figure rather than holds it ("Reuters counted 300
# bodies", "the agency put the toll at 2,000"): with REPORTING, their subject is a source, not
# whose figure it is
COUNTING_VERBS = frozenset("count tally record register log document put estimate confirm report find show list give "
                           "release publish compile calculate project".split())

# verbs that lend their clause to an event noun ("have begun combat operations", "held talks",
# "launched strikes"): the event is the noun, so a denial of that noun's event under another verb
# ("have not engaged in combat operations") denies it
# ("be", "have" and the other light verbs are left out: as auxiliaries they are in every clause)
SUPPORT_VERBS = frozenset("begin start launch conduct carry stage hold resume continue undertake mount open wage".split())
# verbs of taking part in an event the noun names ("engaged in combat", "joined the fighting")
TAKING_PART = frozenset("engage participate join enter".split())

CLAIM_POS = frozenset({"VERB", "AUX"})
NOUN_POS = frozenset({"NOUN"})

# One place, many names: a country, its people's adjective and its usual short forms. Two
# places are one only when they are the same entry here, or the same words; never a prefix
# ("Niger" / "Nigeria", "Austria" / "Australia", "Sudan" / "South Sudan" are others).
PLACES: dict[str, tuple[str, ...]] = {
    "united states": ("u.s.", "us", "usa", "america", "american", "americans", "united states of america"),
    "united kingdom": ("uk", "u.k.", "britain", "great britain", "british"),
    "russia": ("russian", "russians", "russian federation"),
    "ukraine": ("ukrainian", "ukrainians"),
    "north korea": ("north korean", "north koreans", "dprk", "democratic people's republic of korea"),
    "south korea": ("south korean", "south koreans", "rok", "republic of korea"),
    "china": ("chinese", "prc", "people's republic of china"),
    "taiwan": ("taiwanese",),
    "japan": ("japanese",),
    "india": ("indian", "indians"),
    "pakistan": ("pakistani", "pakistanis"),
    "afghanistan": ("afghan", "afghans"),
    "iran": ("iranian", "iranians", "islamic republic"),
    "iraq": ("iraqi", "iraqis"),
    "israel": ("israeli", "israelis"),
    "palestine": ("palestinian", "palestinians", "palestinian territories"),
    "lebanon": ("lebanese",),
    "syria": ("syrian", "syrians"),
    "turkey": ("turkish", "turks", "turkiye", "türkiye"),
    "saudi arabia": ("saudi", "saudis"),
    "yemen": ("yemeni", "yemenis"),
    "jordan": ("jordanian",),
    "egypt": ("egyptian", "egyptians"),
    "morocco": ("moroccan", "moroccans"),
    "algeria": ("algerian",),
    "libya": ("libyan", "libyans"),
    "sudan": ("sudanese",),
    "south sudan": ("south sudanese",),
    "niger": ("nigerien", "nigeriens"),
    "nigeria": ("nigerian", "nigerians"),
    "ethiopia": ("ethiopian",),
    "kenya": ("kenyan", "kenyans"),
    "congo": ("congolese", "drc", "democratic republic of the congo", "democratic republic of congo"),
    "south africa": ("south african", "south africans"),
    "france": ("french",),
    "germany": ("german", "germans"),
    "italy": ("italian", "italians"),
    "spain": ("spanish",),
    "portugal": ("portuguese",),
    "netherlands": ("dutch", "holland"),
    "belgium": ("belgian",),
    "poland": ("polish", "poles"),
    "austria": ("austrian", "austrians"),
    "australia": ("australian", "australians"),
    "canada": ("canadian", "canadians"),
    "mexico": ("mexican", "mexicans"),
    "brazil": ("brazilian", "brazilians"),
    "argentina": ("argentine", "argentinian", "argentines"),
    "chile": ("chilean",),
    "colombia": ("colombian",),
    "venezuela": ("venezuelan",),
    "cuba": ("cuban",),
    "haiti": ("haitian",),
    "belarus": ("belarusian",),
    "georgia": ("georgian",),
    "armenia": ("armenian",),
    "azerbaijan": ("azerbaijani",),
    "kazakhstan": ("kazakh",),
    "greece": ("greek",),
    "sweden": ("swedish",),
    "norway": ("norwegian",),
    "finland": ("finnish",),
    "denmark": ("danish",),
    "switzerland": ("swiss",),
    "ireland": ("irish",),
    "indonesia": ("indonesian",),
    "philippines": ("philippine", "filipino", "filipinos"),
    "vietnam": ("vietnamese",),
    "thailand": ("thai",),
    "myanmar": ("burma", "burmese"),
    "bangladesh": ("bangladeshi",),
    "sri lanka": ("sri lankan",),
    "nepal": ("nepali", "nepalese"),
    "qatar": ("qatari",),
    "united arab emirates": ("uae", "emirati"),
    "new zealand": ("new zealander",),
    "gaza": ("gaza strip",),
    "west bank": (),
    "europe": ("european", "europeans"),
}


# -- the pattern readers' vocabulary (attribution.py, stance.py, the judge): regex sources -------

# phrases that say a claim is not confirmed or not known
UNCONFIRMED_CUES = (
    r"\b(?:could not|cannot|can't|couldn't|was unable to|were unable to|has not been able to|have not been able to)\s+"
        r"(?:be\s+)?(?:independently\s+)?(?:confirm|confirmed|verify|verified)\b|"
        r"\b(?:did not|didn't|does not|doesn't|would not|wouldn't|declined to)\s+(?:say|specify|disclose|confirm|comment|provide details|give details|elaborate)\b(?:\s+(?:on\s+)?(?:whether|how|what|if))?|"
        r"\b(?:it\s+)?(?:remains?|is|was|it is|it was|it's)\s+(?:still\s+)?(?:unclear|not clear|not known|unknown)\b|"
        r"\b(?:could not|cannot|can't|couldn't|was unable to|were unable to|did not|didn't|has not|have not)\s+(?:be\s+)?(?:independently\s+)?corroborat\w*\b|"
        r"\b(?:(?:it\s+)?(?:is|was|it's|remains?)\s+)?(?:too early|hard|difficult|impossible)\s+to\s+(?:say|know|tell|determine|assess|confirm)(?:\s+(?:whether|if|how|when|what|who|exactly))?\b|"
        r"\bunverified\b|\bunconfirmed\b|\bno (?:immediate )?(?:confirmation|details)\b|\bwere not (?:immediately )?(?:available|known)\b|"
        r"\bnot (?:immediately |yet )?(?:clear|known)\b|\b(?:gave|offered|released|provided|published) no (?:\w+ )?(?:details|figures|numbers|toll)\b|"
        r"\b(?:did not|didn't|has not|have not) (?:release|give|publish|provide|offer|disclose) (?:any )?(?:\w+ )?(?:details|figures|numbers|toll)\b|"
        r"\b(?:has|have|had) not (?:yet )?(?:been )?(?:independently )?(?:confirmed|verified|corroborated)\b|"
        r"\b(?:has|have|had) not been (?:independently )?(?:confirmed|verified)\b|\b(?:is|was|are|were) not (?:independently )?(?:confirmed|verified)\b|"
        # an open question: "investigators have not determined what caused the fire", "police did
        # not say why": what the clause asks is not known, which a claim that answers it asserts
        r"\b(?:has|have|had|did|does|do)(?:\s+not|n['’]t)\s+(?:yet\s+)?(?:been able to\s+)?"
        r"(?:determined?|established?|identif(?:y|ied)|ascertain(?:ed)?|pinpoint(?:ed)?|explain(?:ed)?|"
        r"found|find|known|know|said|say|disclosed?|revealed?)\s+(?:what|whether|how|why|who|when|where|if)\b"
)

# words and phrases that hedge a claim
HEDGE_CUES = (
    r"\b(?:reportedly|allegedly|purportedly|apparently|possibly|probably|likely|perhaps|presumably|tentatively|provisionally|"
        r"seem(?:s|ed)?(?=\s+(?:not\s+to|to|designed|intended|aimed|likely|unlikely|poised|ready|set)\b)|"
        r"appear(?:s|ed)?(?=\s+(?:not\s+to|to|designed|intended|aimed|likely|unlikely|poised|ready|set)\b)|look(?:s|ed)? like|"
        # "it appeared they hit only military targets", "it seems that": the impersonal frame hedges its clause
        r"it (?:appears|appeared|seems|seemed)(?= that\b| [\"“‘']?[a-z])|"
        # "was deemed to have brought down": someone's judgement of it, not the fact
        r"(?:is|are|was|were) (?:deemed|judged) to have|"
        r"(?:is|are|was|were) said to|(?:is|are|was|were) believed to|"
        r"(?:is|are|was|were) thought to|(?:is|are|was|were) reported to|(?:is|are|was|were) expected to|"
        r"(?:is|are|was|were) set to|(?:is|are|was|were) poised to|on course (?:for|to)|on track (?:for|to)|"
        r"(?:is|are|was|were) projected to|(?:is|are|was|were) forecast to|"
        r"could(?!\s+not\b|n['’]t)|(?-i:may)|might|suggests?|suggested|it is possible|reports suggest|rumou?red|"
        r"(?:did|does|do|would|will) not rule out|(?:has|have|had) not ruled out|not ruled out)\b"
)

# "not" and "no" that negate nothing the claim asserts
NOT_NEGATING_CUES = (
    r"\bno\s+(?:other\s+)?[\w-]+\s+(?:has|had|have)\s+(?:ever\s+)?[^.;,]*?\b(?:before|until now|previously|ever)\b|"
                              r"\bn(?:o|['’])t\s+(?:yet\s+)?(?:changed|altered|shifted|wavered|budged|softened)\b|\bnot only\b|\bnot just\b|\bnot merely\b|\bnot simply\b|\bno other\b|\bnone other\b|\bnot far\b|\bnot least\b|\bno fewer than\b|\bno less than\b|\bno more than\b|\bno doubt\b|\b(?:did|does|do|would|will) not rule out\b|\bnot ruled out\b|"
    # a plea of not guilty is what the accused pleads, not a denial that they pleaded
    r"\bplead(?:s|ed|ing)?\s+not\b|\bnot[- ]guilty\s+pleas?\b"
)

# verbs that deny what they frame
DENIAL_VERBS = (
    r"\b(?:denied|denies|deny|rejected|rejects|dismissed|refuted)\b"
)
# cues that pass on what others report, and words for the media that report it: "reportedly"
# against "..., local media said" is no change of certainty
RELAYING_CUES = r"(?:reportedly|allegedly|purportedly|(?:is|are|was|were) (?:said|reported) to)"
MEDIA_WORDS = r"\b(?:media|reports?|press|newspapers?|outlets?|broadcasters?)\b"

# offices one person holds at a time: "the WHO Director-General" names that one person
SINGLE_OFFICES = frozenset("director-general secretary-general governor mayor president chancellor premier "
                           "prime-minister ceo chairman chairwoman chairperson".split())

# words that say a thing is absent, as a negation does: "still without power" says what "still
# have no power" says
PRIVATIVE = r"without|lacks?|lacked|lacking|short of|devoid of|deprived of|bereft of"

# the same verbs as lemmas, for the parse
DENYING = frozenset({"deny", "reject", "dismiss", "refute"})

# words that confirm a claim
CONFIRMATION_CUES = (
    r"\b(?:confirmed|confirms|verified|officially announced|acknowledged)\b"
)

# negators, for the pattern reading
NEGATION_CUES = (
    r"\b(?:not|never|no longer|neither|nor|none|nobody|nothing)\b|n['’]t\b|"
        r"\bno\s+(?!doubt\b|longer\b)\w+|\bden(?:y|ies|ied)\b|\brejected\b|\bdismissed\b|\bhas yet to\b|\bhave yet to\b"
)

# roles and bodies a source is named by
ROLES = (
    r"spokesperson|spokesman|spokeswoman|spokespeople|official|officials|president|minister|secretary|chancellor|"
        r"chief|commander|general|analyst|analysts|diplomat|diplomats|ambassador|source|sources|adviser|advisor|"
        r"intelligence|agency|ministry|department|pentagon|kremlin|government|military|army|police|governor|"
        r"mayor|prosecutor|prosecutors|court|judge|researchers|experts|expert|authorities|aide|aides|lawmaker|"
        r"economists?|volunteers?|rescuers?|scientists?|forecasters?|traders?|prosecutors?|lawyers?|attorneys?|investigators?|"
        r"protesters?|demonstrators?|survivors?|paramedics?|medics?|doctors?|nurses?|eyewitness(?:es)?|activists?|"
        r"campaigners?|organi[sz]ers?|passengers?|voters?|supporters?|"
        r"legal team|defen[cs]e team|"
        r"lawmakers|senator|staff|office|service|command|headquarters|watchdog|monitor|observers|witnesses|residents"
)

# news outlets, which credit second-hand
OUTLET_NAMES = (
    r"\b(?:The New York Times|New York Times|Reuters|the Associated Press|Associated Press|AP|AFP|Agence France-Presse|"
        r"BBC|CNN|The Washington Post|Washington Post|The Wall Street Journal|Wall Street Journal|Bloomberg|Yonhap|"
        r"Kyiv Independent|The Guardian|Financial Times|Politico|Axios|NBC News|CBS News|ABC News|Fox News|TASS|RIA Novosti|"
        r"Interfax|Ukrainska Pravda|local media|state media|US News|U\.S\. News|"
        # any outlet named as outlets are: a name that ends in a word of the trade ("the Press
        # Association", "the Moscow Times", "Kyodo News", "Radio Liberty"), not a body that
        # happens to be an agency ("the International Atomic Energy Agency" is no outlet)
        r"(?:[Tt]he\s+(?:[A-Z][\w.’'-]*\s+){0,3}|(?:[A-Z][\w.’'-]*\s+){1,3})(?:Press(?: Association| Agency| Trust)?|News(?: Agency)?|"
        r"Times|Post|Herald|Gazette|Journal|Tribune|Telegraph|Chronicle|Observer|Independent|Inquirer|"
        r"Express|Mail|Daily|Television|TV|Broadcasting(?: Corporation)?|Wire|Newswire|Radio)|Radio(?:\s+[A-Z][\w’'-]*){1,3})\b"
)

# roles of sources left unnamed
UNNAMED_ROLES = (
    r"\b(?:officials?|sources?|diplomats?|spokes(?:person|man|woman|people)|aides?|advis[eo]rs?|analysts?|experts?|"
        r"people familiar|person familiar|insiders?|residents?|witnesses|economists|volunteers?|rescuers?|forecasters|traders|"
        r"protesters?|demonstrators?|survivors?|paramedics?|medics?|eyewitness(?:es)?|activists?|passengers?|voters?)\b"
)

# a source that points back to one named before it, by what it is: "the organization" (the WHO
# of the sentence before), "the statement" (of the office that issued it), "the company". It
# names no one the judge can compare; only its resolution could, so it is no shift
ANAPHORIC_SOURCES = frozenset("""
organization organisation agency company firm group body outfit statement report release communique
communiqué announcement document filing letter post readout transcript
""".split())

# words that say which count a figure is: the one on record, or a reckoning of the real one
# ("the official death toll stands at 7 million" / "the real toll at over 20 million"): two measures
RECORDED_MEASURES = frozenset("official officially confirmed recorded registered reported".split())
RECKONED_MEASURES = frozenset("real actual true excess estimated unofficial".split())
COUNT_NOUNS = frozenset("toll tolls count counts figure figures number numbers tally tallies deaths cases".split())

# a government spoken of as a whole: "the government reported" may be any of its bodies
# ("the Labor Department", "the Interior Ministry's count"), so it is not another source
# against one of them (a union or a company is not one of them)
WHOLE_GOVERNMENT = frozenset({"government", "authorities", "administration", "state"})
GOVERNMENT_BODIES = frozenset("""
ministry ministries minister department secretary bureau agency office cabinet presidency kremlin
commission service statistics prefecture police
""".split())  # and "White House", a name of two words (judge._of_government)

# what a body issues, after its possessive: "the Interior Ministry's count" is the ministry
RECORD_NOUNS = frozenset("count counts figure figures data estimate estimates tally statement report "
                         "projection projections numbers toll".split())

# verbs that make a figure a forecast, not a count of what happened ("the authorities were
# expecting 550,000 to 750,000 demonstrators", "prices are expected to rise 3%")
FORECAST_VERBS = frozenset("expect forecast predict anticipate project foresee".split())
# words that date a statement: "said on Tuesday", "claimed last week", "earlier this month"
STATEMENT_TIMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight weekend week month "
    "morning afternoon evening night jan jan. january feb feb. february mar mar. march apr apr. april may june "
    "jul jul. july aug aug. august sep sep. sept sept. september oct oct. october nov nov. november dec dec. "
    "december".split())
# "it was likely that five units would be deployed": a judgement of what is to come, over a verb
# told in the future
LIKELY = frozenset("likely unlikely probable possible".split())
FUTURE_AUX = frozenset({"will", "would", "'ll", "’ll", "shall"})

# unnamed sources' words that say nothing of what they are: "hospital sources" may be the
# "officials" of another report
UNKINDED_ROLES = frozenset({"source", "person", "people", "insider"})

# one role under its several words: "a Kremlin spokesperson" / "Kremlin spokesman Dmitry Peskov"
ROLE_FORMS: dict[str, str] = {"spokesman": "spokesperson", "spokeswoman": "spokesperson",
                              "spokesmen": "spokespeople", "spokeswomen": "spokespeople"}

# a capital named for its government ("Pyongyang has sent Russia 13,000 containers" is North
# Korea's doing): read so only where a place acts, as the subject of a verb, never as a place
# where something happened ("in Moscow" is not "in Russia")
CAPITALS: dict[str, str] = {
    "pyongyang": "north korea", "seoul": "south korea", "moscow": "russia", "kyiv": "ukraine", "kiev": "ukraine",
    "washington": "united states", "beijing": "china", "taipei": "taiwan", "tokyo": "japan",
    "new delhi": "india", "delhi": "india", "islamabad": "pakistan", "kabul": "afghanistan", "tehran": "iran",
    "jerusalem": "israel", "ankara": "turkey", "damascus": "syria", "baghdad": "iraq", "riyadh": "saudi arabia",
    "cairo": "egypt", "london": "united kingdom", "paris": "france", "berlin": "germany", "rome": "italy",
    "madrid": "spain", "brussels": "european union", "ottawa": "canada", "canberra": "australia",
    "tripoli": "libya", "nairobi": "kenya", "minsk": "belarus", "caracas": "venezuela", "havana": "cuba",
}

# a building or street named for the body in it: one source under two names
# ("Threadneedle Street" / "the Bank of England", "the Pentagon" / "the Defense Department")
BODY_ALIASES: dict[str, str] = {
    "threadneedle street": "bank of england", "downing street": "prime minister's office",
    "number 10": "prime minister's office", "no 10": "prime minister's office", "no. 10": "prime minister's office",
    "whitehall": "government", "the pentagon": "defense department", "pentagon": "defense department",
    "department of defense": "defense department", "defence ministry": "defense ministry",
    "ministry of defence": "defense ministry", "ministry of defense": "defense ministry",
    "foggy bottom": "state department", "department of state": "state department", "langley": "cia",
    "the fed": "federal reserve", "fed": "federal reserve", "the kremlin": "kremlin", "the elysee": "elysee",
    "the élysée": "elysee", "élysée": "elysee", "elysee palace": "elysee", "the white house": "white house",
}

# bodies that belong to another, as news names them: what one of them publishes, the other is
# said to publish ("according to Bureau of Labor Statistics figures" / "the Labor Department
# said"): one source, a part for its whole. Part -> the names of the whole (lower case)
PARENT_BODIES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("bureau of labor statistics", "bls"), ("labor department", "department of labor")),
    **dict.fromkeys(("census bureau", "bureau of economic analysis"), ("commerce department", "department of commerce")),
    **dict.fromkeys(("centers for disease control", "cdc", "food and drug administration", "fda",
                     "national institutes of health", "nih"),
                    ("health and human services", "hhs", "health department", "department of health")),
    **dict.fromkeys(("federal bureau of investigation", "fbi"), ("justice department", "department of justice")),
    **dict.fromkeys(("fema", "federal emergency management agency", "coast guard", "secret service"),
                    ("homeland security", "dhs")),
    **dict.fromkeys(("national hurricane center", "national weather service"),
                    ("noaa", "national oceanic and atmospheric administration")),
    **dict.fromkeys(("afad", "disaster and emergency management"), ("interior ministry", "ministry of interior")),
}

# what a speaker cites as grounds, not as a source: "the Pentagon said, citing intelligence",
# "the airline cancelled flights, citing the storm"
CITED_GROUNDS = frozenset("""
intelligence evidence information documents document data figures records concerns concern reasons reason
storm weather security safety costs rules law""".split())

# the words that open a clause of time or reason: a reporting verb in one credits only that
# clause ("Israel hit back, as Iranian media reported explosions")
ASIDE_MARKS = frozenset("as while when after before because since although though whereas".split())

# the kinds of body a country has, under their several names: "the Israeli military", "Israel's
# army" and "the Israel Defense Forces" are one body; "the Iranian Foreign Ministry" and "Iran's
# Ministry of Foreign Affairs" another (extract.names.body)
BODY_KINDS: dict[str, tuple[str, ...]] = {
    "military": ("military", "army", "armed forces", "defense forces", "defence forces", "forces",
                 "defense force", "defence force", "armed force"),
    "foreign ministry": ("foreign ministry", "ministry of foreign affairs", "foreign affairs ministry",
                         "foreign office"),
    "defense ministry": ("defense ministry", "defence ministry", "ministry of defense", "ministry of defence",
                         "defense department", "department of defense"),
    "interior ministry": ("interior ministry", "ministry of interior", "ministry of the interior"),
    "health ministry": ("health ministry", "ministry of health"),
    "government": ("government",),
}
# a body's short name, as outlets print it without spelling it out
BODY_ACRONYMS: dict[str, str] = {
    "idf": "israel defense forces", "pla": "chinese army", "irgc": "iranian revolutionary guard corps",
}

# what befell the people or things a count counts, by the verb the count hangs from: two counts
# of one noun under verbs of two states count two things ("700 bodies have been buried" /
# "3,200 bodies had been recovered"; "two people were pulled from the water" / "eight people went
# into the water" is not a state, and is left to the words around it)
COUNT_STATES: dict[str, str] = {
    **dict.fromkeys(("kill", "die", "perish"), "dead"),
    **dict.fromkeys(("injure", "wound", "hurt", "hospitalize", "hospitalise", "treat"), "injured"),
    **dict.fromkeys(("rescue", "save", "pull", "free", "extract"), "rescued"),
    **dict.fromkeys(("evacuate", "displace", "flee", "shelter", "relocate"), "displaced"),
    **dict.fromkeys(("arrest", "detain", "jail"), "arrested"),
    **dict.fromkeys(("bury",), "buried"),
    **dict.fromkeys(("recover", "retrieve"), "recovered"),
    **dict.fromkeys(("identify",), "identified"),
}

# verbs of what one is exposed to (a penalty, a range of outcomes): a modal on them states the
# range, it does not doubt it ("could face up to four years in prison" is "faces up to four years";
# "the sentence could range from probation to four years")
EXPOSURE_VERBS = frozenset({"face", "range", "carry"})

# what one is accused of: to deny it is to plead, a claim in itself ("had denied the charges
# by pleading not guilty"), not a denial of what another report asserts
ACCUSATIONS = frozenset("charge allegation accusation wrongdoing claim count indictment".split())

# verbs that tell one event: the dates they hang from are dates of one thing ("convicted on
# Thursday" / "found guilty on Wednesday"; "killed on Monday" / "died on Tuesday")
EVENT_VERBS: tuple[frozenset[str], ...] = (
    frozenset({"convict", "find"}),
    frozenset({"kill", "die", "perish"}),
    frozenset({"strike", "hit", "attack", "bomb", "shell", "target", "pound", "ram", "slam", "smash", "crash", "collide"}),
    frozenset({"collapse", "fall", "crumble"}),
    frozenset({"arrive", "reach", "land"}),
    frozenset({"launch", "lift", "blast"}),
    frozenset({"resign", "quit", "step"}),
    frozenset({"sign", "agree", "seal", "approve"}),
)

# words that make a name a body
BODY_WORDS = (
    r"\b(?:Bureau|Agency|Department|Ministry|Office|Service|Council|Committee|Commission|Bank|Fund|Organi[sz]ation|"
        r"Institute|University|Party|Army|Forces|Guard|Court|Parliament|Congress|Senate|Police|Union|Group|Company|Corp|Inc)\b"
)

# places, which are no source
CAPITALS_AND_COUNTRIES = (
    r"(?:Kyiv|Kiev|Moscow|Washington|Seoul|Pyongyang|Beijing|Tokyo|London|Paris|Berlin|Brussels|Tehran|Jerusalem|Ankara|"
        r"Damascus|Ukraine|Russia|China|Britain|France|Germany|Japan|Israel|Iran|Turkey|Syria|Europe|the West)$"
)

# hedges that are only a modal verb
MODAL_HEDGES = (
    r"(?:could|may|might|would|should|likely|expected to|set to|(?:is|are|was|were) (?:expected|set) to)"
)

# verbs that credit a forecast: what they frame is part of the claim ("had forecast a gain of 150,000")
PREDICTIVE_FORMS = frozenset({"forecast", "forecasts", "predicted", "predicts"})
SPEECH_FORMS = (
    r"said|says|say|stated|(?:states|state)(?=\s+that\b|\s*[,:])|told|tells|confirmed|confirms|announced|announces|added|adds|"
    r"emphasized|emphasised|stressed|noted|notes|wrote|writes|warned|warns|claimed|claims|reported|reports|"
    r"insisted|insists|explained|declared|acknowledged|admitted|denied|denies|estimated|estimates|believes|"
    r"assessed|assesses|suggested|suggests|argued|argues|asserted|testified|briefed|disclosed|revealed|indicated|"
    r"puts|put|described|describes|cautioned|urged|told\s+reporters|told\s+journalists|showed|shows|"
    r"pledged|pledges|promised|promises|vowed|vows|"
    + "|".join(sorted(PREDICTIVE_FORMS))
)

# opposite readings of the same event: a claim that reads only one side of a pair, against
# one that reads only the other, contradicts it ("fell to 4.1%" / "ticked up to 4.1%")
OPPOSITES = [
    (r"rose|risen|rises|rising|increased|increases|climbed|jumped|grew|gained|ticked up|edged up|went up|added|lifted|raised|surged|soared",
     r"fell|fallen|falls|falling|dropped|declined|decreased|slipped|shed|ticked down|edged down|went down|lowered|plunged|slumped|pulled [\w ]{0,30}down"),
    (r"opened|reopened|reopens|open", r"closed|shut|remains closed|remained closed"),
    (r"likely|probable", r"unlikely|improbable|ruled out"),
    (r"confirmed|acknowledged", r"denied|refuted"),
    (r"began|begun|started", r"ended|stopped|halted"),
    (r"won|wins", r"lost|loses"),
    (r"held|holds|kept|keeps|retained|retains", r"lost|loses"),  # "held his seat" / "lost his seat"
    (r"approved|passed", r"rejected|vetoed"),
    (r"convicted|guilty", r"acquitted|not guilty"),
    (r"alive|survivors? (?:were|was) (?:found|pulled|rescued)", r"dead|no survivors"),
]

# a modal and its past or tentative form say one thing: "can pick up" / "could pick up"
MODAL_PAIRS = {"could": "can", "would": "will", "might": "may", "can": "could", "will": "would", "may": "might"}

# verbs whose subject is what a measure beside them measures ("Unemployment rose to 4.3%",
# "capacity is projected to climb to 86 million tons", "inflation stood at 10.1%")
MEASURE_VERBS = frozenset("""be stand rise fall climb reach increase decrease drop jump grow decline slow ease edge tick
surge soar plunge slump sink hit remain stay top exceed dip slip accelerate cool""".split())

# the prepositions a place is named after when it is the place a figure is of ("in Turkey",
# "across Florida"): the claim's places (scope) and each figure's own (reading.figure_places)
PLACE_PREPS = frozenset({"in", "across", "throughout", "inside"})
