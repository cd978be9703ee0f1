"""The news vocabulary the parse readers use (claimdiff.extract.reading), kept apart from the code
that reads it, as spaCy keeps its language data apart from its pipeline.

Lemmas, lower-cased. The regular expressions of attribution.py and stance.py still carry
their own word lists; this module holds what the parse-based readings need.
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

# modal auxiliaries that hedge what their verb says (epistemic)
EPISTEMIC = frozenset({"may", "might", "could"})
# modals that, negated, forbid or deny rather than hedge: "may not ban", "cannot ban", "must not"
DEONTIC_NEGATED = frozenset({"may", "can", "could", "must", "shall", "should"})

# a sentence with no verb and no common noun claims nothing: a dateline, an agency tag, a byline
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
