"""What the judge says of a pair, word for word: the kind and the reason a reader sees, for
each branch of the judge (read with word overlap only, so no model is needed). A reason is the
evidence of a finding, so a change to one is a change the reader sees."""

from __future__ import annotations

import pytest

from claimdiff import Settings, compare
from claimdiff.read import parse_document

ALL = Settings(semantic=False, min_confidence=0.0)


def findings(ref: str, other: str, date: str = "2024-05-30") -> list[tuple[str, str]]:
    docs = [parse_document(f"---\noutlet: {n}\ndate: {date}\n---\n{t}\n", doc_id=n, path=None, name=n)
            for n, t in (("Ref", ref), ("Other", other))]
    return [(f.kind.value, f.reason) for f in compare(docs, settings=ALL).findings if f.kind.value != "only-in"]


CASES = [
    # figure shifts: what moved, from what to what, and by how much in the figures' own terms
    ("The quake killed 2,012 people, the interior ministry said on Saturday.",
     "The quake killed 2,946 people, the interior ministry said on Saturday.",
     [("figure-shift", "people: 2,012 -> 2,946 (+934 (+46%))")]),
    ("The storm's winds reached 120 mph, forecasters said.", "The storm's winds reached 130 mph, forecasters said.",
     [("figure-shift", "speed: 120 mph -> 130 mph (+10 mph (+8%))")]),
    ("The harbour will reopen to cargo ships on Monday, the port authority said.",
     "The harbour will reopen to cargo ships on Wednesday, the port authority said.",
     [("figure-shift", "date: on Monday (2024-06-03) -> on Wednesday (2024-06-05) (+2 days)")]),
    ("Inflation rose to 11.1% in October, the statistics office said.",
     "Inflation rose to 10.1% in October, the statistics office said.",
     [("figure-shift", "Inflation: 11.1% -> 10.1% (-1 point (-9%))")]),  # what the share measures
    ("The ship hit the bridge at 1:28 a.m., officials said.", "The ship hit the bridge at 1:35 a.m., officials said.",
     [("figure-shift", "time: 1:28 a.m. -> 1:35 a.m. (+7 minutes)")]),
    ("The company will pay $14.1 billion for the steelmaker.", "The company will pay $14.9 billion for the steelmaker.",
     [("figure-shift", "money: $14.1 billion -> $14.9 billion (+$0.8 billion (+6%))")]),
    # figures of two holders pair with their own holder's: the NDA's 294 with the NDA's 291
    ("Election figures showed the NDA had won 294 seats on Wednesday.",
     "Election figures showed the BJP won 240 seats and the NDA had won 291 seats on Wednesday.",
     [("figure-shift", "seats: 294 -> 291 (-3 (-1%))")]),
    # ... and a bar to reach is compared with no result: not 272 -> 240
    ("Figures showed the NDA had won 294 seats, more than the 272 seats needed for a majority.",
     "Figures showed the BJP had won 240 seats and the NDA had won 291 seats.",
     [("figure-shift", "seats: 294 -> 291 (-3 (-1%))")]),
    # figures that agree, in one unit or two, and figures of two places
    ("The bridge is 2.6 km long, officials said.", "The bridge is 1.6 miles long, officials said.",
     [("agree", "same claim; figures compatible: 2.6 km ~ 1.6 miles")]),
    ("More than 10,000 soldiers were sent to Russia, officials said.",
     "About 11,000 soldiers were sent to Russia, officials said.",
     [("agree", "same claim; figures compatible: More than 10,000 ~ About 11,000")]),
    ("The quake killed 8,574 people in Turkey, officials said.", "The quake killed 3,162 people in Syria, officials said.",
     [("agree", "aligned loosely; other scope: 8,574 | 3,162")]),
    # contradictions: a negation, a pair of opposites
    ("Russian troops have not engaged in combat, the ministry said.",
     "Russian troops have begun engaging in combat, the ministry said.",
     [("contradiction", "Ref negates it ('have not engaged'); Other asserts it")]),
    ("Prices fell in March, the office said.", "Prices rose in March, the office said.",
     [("contradiction", "'fell' in Ref, 'rose' in Other")]),
    # the other side negates: the reason names it
    ("Russian troops have begun engaging in combat, the ministry said.",
     "Russian troops have not engaged in combat, the ministry said.",
     [("contradiction", "Other negates it ('have not engaged'); Ref asserts it")]),
    # "likely" / "unlikely" is one opposition, called once: not a certainty shift as well
    ("Labour is likely to win the seat, pollsters said.", "Labour is unlikely to win the seat, pollsters said.",
     [("contradiction", "'likely' in Ref, 'unlikely' in Other")]),
    ("Labour is unlikely to win the seat, pollsters said.", "Labour is likely to win the seat, pollsters said.",
     [("contradiction", "'unlikely' in Ref, 'likely' in Other")]),
    # attribution: anonymous and named, two people, two bodies
    ("Officials said the bridge was closed to all traffic.",
     "Governor Wes Moore said the bridge was closed to all traffic.",
     [("attribution-shift", "named on one side, anonymous on the other: Officials (anonymous) -> Governor Wes Moore")]),
    ("Joe Biden said the talks were productive and candid.", "Xi Jinping said the talks were productive and candid.",
     [("attribution-shift", "another named source: Joe Biden -> Xi Jinping")]),
    ("The State Department said the troops had crossed the border.",
     "The Pentagon said the troops had crossed the border.",
     [("attribution-shift", "another body: The State Department -> The Pentagon")]),
    # certainty: a hedge, a modal, a claim nobody could confirm
    ("The troops crossed the border into Kursk on Monday.", "The troops reportedly crossed the border into Kursk on Monday.",
     [("certainty-shift", "asserted -> hedged ('reportedly')")]),
    ("The troops crossed the border into Kursk on Monday.", "The troops may have crossed the border into Kursk on Monday.",
     [("certainty-shift", "asserted -> hedged ('may')")]),
    ("The troops crossed the border into Kursk on Monday.",
     "It could not be confirmed whether the troops crossed the border into Kursk on Monday.",
     [("certainty-shift", "asserted -> unconfirmed ('could not be confirmed')")]),
    # the same claim word for word
    ("The fire destroyed 40 homes in the town, officials said.", "The fire destroyed 40 homes in the town, officials said.",
     [("agree", "same claim; figures compatible: 40 ~ 40")]),
    # two figures of each kind, each pair listed
    ("The flood killed 40 people and destroyed 300 homes.", "The flood killed 40 people and destroyed 300 homes.",
     [("agree", "same claim; figures compatible: 40 ~ 40; 300 ~ 300")]),
    ("Inflation was 4.2% in October 2021, the office said.", "Inflation was 11.1% in October 2022, the office said.",
     [("agree", "same claim; other scope: 4.2% | 11.1%; in October 2021 (2021-10-01..2021-10-31) | "
                "in October 2022 (2022-10-01..2022-10-31)")]),
]


@pytest.mark.parametrize("ref, other, expected", CASES, ids=[c[1][:40] for c in CASES])
def test_the_judge_says_what_differs_and_why(ref, other, expected):
    assert findings(ref, other) == expected


@pytest.mark.parametrize("unit, a, b, shown", [
    ("USD", 14.1e9, 14.9e9, "+$0.8 billion (+6%)"),
    ("EUR", 2.5e6, 2.0e6, "-€0.5 million (-20%)"),
    ("USD", 1500, 1750, "+$250 (+17%)"),
    ("USD", 55, 55.5, "+$0.5 (+0.9%)"),
    ("CHF", 1e9, 1.1e9, "+0.1 billion CHF (+10%)"),
    ("GBP", 0, 2e6, "+£2 million"),
    ("USD", 1e9, 0.9e9, "-$0.1 billion (-10%)"),  # a billion is told in billions
    ("USD", 2000, 7000, "+$5,000 (+250%)"),  # a whole number of a hundred or more, with its commas
    ("USD", 100, 101, "+$1 (+1%)"),  # one per cent is a whole percentage
    ("USD", 5e9, 5e9, "+$0 billion (+0.0%)"),  # no move at all ("more than" / "less than" the same sum)
    ("", 1, 3, "+2 (+200%)"),  # no currency named: the number alone
])
def test_a_move_of_money_is_told_in_the_figures_scale(unit, a, b, shown):
    from claimdiff.judge import _money_move

    assert _money_move(unit, a, b) == shown


# what a finding highlights on each side, and the evidence its confidence is read from
EVIDENCE = [
    ("The quake killed 2,012 people, the interior ministry said on Saturday.",
     "The quake killed 2,946 people, the interior ministry said on Saturday.",
     [["2,012"], ["2,946"]], {"move": 0.317, "counted": 1.0, "date": 0.0}),
    ("The harbour will reopen to cargo ships on Monday, the port authority said.",
     "The harbour will reopen to cargo ships on Wednesday, the port authority said.",
     [["on Monday"], ["on Wednesday"]], {"move": 1.0, "counted": 0.0, "date": 1.0}),
    ("The ship hit the bridge at 1:28 a.m., officials said.", "The ship hit the bridge at 1:35 a.m., officials said.",
     [["1:28 a.m."], ["1:35 a.m."]], {"move": 0.0733, "counted": 0.0, "date": 0.0}),
    ("The quake killed 8,574 people in Turkey, officials said.", "The quake killed 3,162 people in Syria, officials said.",
     [["8,574", "Turkey"], ["3,162", "Syria"]], {}),
    ("Russian troops have not engaged in combat, the ministry said.",
     "Russian troops have begun engaging in combat, the ministry said.",
     [["have not engaged"], []], {"negation": 1.0}),
    ("Russian troops have begun engaging in combat, the ministry said.",
     "Russian troops have not engaged in combat, the ministry said.",
     [[], ["have not engaged"]], {"negation": 1.0}),
    ("Prices fell in March, the office said.", "Prices rose in March, the office said.",
     [["fell"], ["rose"]], {"negation": 0.0}),
    ('"The plant will stay open," Eiji Hashimoto said.', "The plant will stay open, David Burritt said.",
     [["Eiji Hashimoto"], ["David Burritt"]], {"named": 1.0, "anonymous": 0.0, "quote": 1.0}),  # one side quotes
    ("Officials said the bridge was closed to all traffic.",
     "Governor Wes Moore said the bridge was closed to all traffic.",
     [["Officials"], ["Governor Wes Moore"]], {"named": 0.0, "anonymous": 1.0, "quote": 0.0}),
    ("Joe Biden said the talks were productive and candid.", "Xi Jinping said the talks were productive and candid.",
     [["Joe Biden"], ["Xi Jinping"]], {"named": 1.0, "anonymous": 0.0, "quote": 0.0}),
    ("The troops crossed the border into Kursk on Monday.", "The troops may have crossed the border into Kursk on Monday.",
     [[], ["may"]], {"unconfirmed": 0.0, "modal": 1.0}),
    ("The troops reportedly crossed the border into Kursk on Monday.", "The troops crossed the border into Kursk on Monday.",
     [["reportedly"], []], {"unconfirmed": 0.0, "modal": 0.0}),
    ("The troops crossed the border into Kursk on Monday.",
     "It could not be confirmed whether the troops crossed the border into Kursk on Monday.",
     [[], ["could not be confirmed"]], {"unconfirmed": 1.0, "modal": 0.0}),
]


@pytest.mark.parametrize("ref, other, highlighted, evidence", EVIDENCE, ids=[c[1][:40] for c in EVIDENCE])
def test_a_finding_highlights_what_differs_and_carries_its_evidence(ref, other, highlighted, evidence):
    docs = [parse_document(f"---\noutlet: {n}\ndate: 2024-05-30\n---\n{t}\n", doc_id=n, path=None, name=n)
            for n, t in (("Ref", ref), ("Other", other))]
    (f,) = [f for f in compare(docs, settings=ALL).findings if f.kind.value != "only-in"]
    assert [[s.text[x:y] for x, y in s.spans] for s in f.sides] == highlighted
    assert dict(f.evidence) == pytest.approx(evidence, abs=1e-4)


def test_how_a_figure_is_shown():
    from claimdiff.judge import show
    from claimdiff.model import Quantity as Q

    share = Q("most of them", 0, 12, 5000, 10000, "count", counts="DPRK soldiers",
              note="most of them: a share of Over 10,000 DPRK soldiers")
    assert show(share) == "most of them (of Over 10,000)"  # what it is a share of, without the counted noun
    other = Q("most of them", 0, 12, 5000, 10000, "count", counts="soldiers",
              note="most of them: a share of Over 10,000 DPRK troops")
    assert show(other) == "most of them (of Over 10,000 DPRK troops)"  # a whole that ends in another word: whole
    uncounted = Q("most of them", 0, 12, 5000, 10000, "count", note="most of them: a share of Over 10,000 DPRK troops")
    assert show(uncounted) == "most of them (of Over 10,000 DPRK troops)"
    assert show(Q("in October", 0, 10, 19997, 20027, "date")) == "in October (2024-10-01..2024-10-31)"
    assert show(Q("on Monday", 0, 9, 19997, 19997, "date")) == "on Monday (2024-10-01)"
    assert show(Q("since October", 0, 13, 19997, None, "date")) == "since October (2024-10-01..now)"
    assert show(Q("40", 0, 2, 40, 40, "count")) == "40"


def test_a_figure_shifts_evidence_is_its_largest_move_and_what_every_pair_counts():
    from claimdiff.judge import _figure_evidence
    from claimdiff.model import Quantity as Q

    def q(text, low, high, dim="count", counts=None):
        return Q(text, 0, len(text), low, high, dim, counts=counts)

    both = (q("40", 40, 40, counts="firefighters"), q("60", 60, 60, counts="firefighters"))
    assert _figure_evidence([both]) == [("move", 0.3333), ("counted", 1.0), ("date", 0.0)]
    # a second pair that counts nothing named: not every pair is counted; the larger move stands
    assert _figure_evidence([both, (q("1", 1, 1), q("3", 3, 3, counts="x"))]) \
        == [("move", 0.6667), ("counted", 0.0), ("date", 0.0)]
    assert _figure_evidence([(q("more than 40", 40, None), q("60", 60, 60))])[0] == ("move", 0.3333)
    assert _figure_evidence([(q("some", None, None), q("60", 60, 60))])[0] == ("move", 0.5)  # no size: half
    assert _figure_evidence([(q("60", 60, 60), q("40", 40, 40))])[0] == ("move", 0.3333)  # a fall: of the larger too
    assert _figure_evidence([(q("0.25", 0.25, 0.25), q("0.5", 0.5, 0.5))])[0] == ("move", 0.5)  # figures under one
    assert _figure_evidence([(q("-5", -5, -5), q("5", 5, 5))])[0] == ("move", 1.0)  # across zero: at most the whole
    assert _figure_evidence([(q("on Monday", 19997, 19997, "date"), q("on Tuesday", 19998, 19998, "date"))]) \
        == [("move", 1.0), ("counted", 0.0), ("date", 1.0)]


def _q(text, value, dim="count", unit=None, written=None, factor=1.0, counts=None):
    from claimdiff.model import Quantity as Q

    return Q(text, 0, len(text), value, value, dim, unit=unit, unit_text=written, value=value, counts=counts, factor=factor)


@pytest.mark.parametrize("a, b, shown", [
    (_q("2,012", 2012), _q("2,946", 2946), "+934 (+46%)"),
    (_q("4.1%", 4.1, "percent", "percent"), _q("4.0%", 4.0, "percent", "percent"), "-0.1 points (-2%)"),
    (_q("1%", 1, "percent", "percent"), _q("2%", 2, "percent", "percent"), "+1 point (+100%)"),  # one point
    (_q("1:28 a.m.", 88, "time"), _q("1:29 a.m.", 89, "time"), "+1 minute"),  # no share of midnight
    (_q("1:28 a.m.", 88, "time"), _q("1:35 a.m.", 95, "time"), "+7 minutes"),
    (_q("120 mph", 53.6, "speed", "meter/second", "mph", 0.447), _q("130 mph", 58.1, "speed", "meter/second", "mph", 0.447),
     "+10 mph (+8%)"),  # in the unit both wrote
    (_q("5 km", 5000, "length", "meter", "km", 1000), _q("3 miles", 4828, "length", "meter", "miles", 1609.34),
     "-0.17 km (-3%)"),  # two units: the display unit
    (_q("0", 0), _q("5", 5), "+5"),  # no share of nothing
    (_q("59.8", 59.8), _q("59.7", 59.7), "-0.1 (-0.2%)"),  # under one per cent, one decimal
    (_q("100", 100), _q("101", 101), "+1 (+1%)"),  # one per cent: a whole percentage
    (_q("5", 5, "money"), _q("7", 7, "money"), "+2 (+40%)"),  # money in no currency named: the number alone
    (_q("some", None), _q("5", 5), ""),  # no size, no move
])
def test_how_far_a_figure_moved(a, b, shown):
    from claimdiff.judge import move

    assert move(a, b) == shown


def test_a_move_of_days():
    from claimdiff.judge import move
    from claimdiff.model import Quantity as Q

    monday, tuesday, friday = (Q(t, 0, 9, d, d, "date") for t, d in (("on Monday", 19997), ("on Tuesday", 19998),
                                                                    ("on Friday", 20001)))
    assert (move(monday, tuesday), move(friday, monday)) == ("+1 day", "-4 days")
    assert move(Q("recently", 0, 8, None, None, "date"), monday) == ""


@pytest.mark.parametrize("a, b, what", [
    (_q("2", 2, counts="seats"), _q("3", 3), "seats"), (_q("2", 2), _q("3", 3, counts="votes"), "votes"),
    (_q("2", 2, "length"), _q("3", 3, "length"), "distance"), (_q("2", 2, "area"), _q("3", 3, "area"), "area"),
    (_q("2", 2, "mass"), _q("3", 3, "mass"), "mass"), (_q("2", 2, "date"), _q("3", 3, "date"), "date"),
])
def test_what_a_shift_names(a, b, what):
    from claimdiff.judge import _what

    assert _what(a, b) == what


def _pair(ref: str, other: str):
    from claimdiff.extract import extract
    from claimdiff.judge import judge, side

    docs = [parse_document(f"---\noutlet: {n}\ndate: 2024-05-30\n---\nThe council met on Monday.\n\n{t}\n",
                           doc_id=n, path=None, name=n) for n, t in (("Ref", ref), ("Other", other))]
    (a, b) = (extract(d)[-1] for d in docs)  # the second paragraph's claim: it does not start the text
    return docs, a, b, lambda **kw: judge(a, b, (side(docs[0], a), side(docs[1], b)), (), **kw)


@pytest.mark.parametrize("kw, reason", [
    ({}, "asserted -> hedged ('reportedly')"),
    ({"certainty": False}, "aligned loosely; certainty not judged (asserted -> hedged); figures compatible: "
                           "on Tuesday (2024-05-28) ~ on Tuesday (2024-05-28)"),
    ({"contradiction": False}, "asserted -> hedged ('reportedly')"),  # certainty is still judged
])
def test_a_loose_pair_says_what_it_left_unjudged(kw, reason):
    *_, judged = _pair("The dam burst on Tuesday.", "The dam reportedly burst on Tuesday.")
    assert [f.reason for f in judged(**kw)] == [reason]


def test_a_negation_left_unjudged_is_said():
    *_, judged = _pair("The dam burst on Tuesday.", "The dam did not burst on Tuesday.")
    assert [f.kind.value for f in judged()] == ["contradiction"]
    assert [f.reason for f in judged(contradiction=False)] == [
        "aligned loosely; negation not judged; figures compatible: on Tuesday (2024-05-28) ~ on Tuesday (2024-05-28)"]


def test_spans_of_a_claim_that_does_not_start_the_text_and_two_figures_moved():
    docs, a, b, judged = _pair("The flood killed 40 people and destroyed 300 homes.",
                               "The flood killed 55 people and destroyed 420 homes.")
    assert a.start > 0
    (f,) = judged()
    assert f.reason == "people: 40 -> 55 (+15 (+38%)); homes: 300 -> 420 (+120 (+40%))"
    assert dict(f.details) == {"figures": "40 | 55; 300 | 420"}
    assert f.topic == "people"
    assert [[s.text[x:y] for x, y in s.spans] for s in f.sides] == [["40", "300"], ["55", "420"]]


def test_a_pair_is_judged_on_its_sources_unless_taken_below_the_threshold():
    *_, judged = _pair("The dam burst on Tuesday, police said.", "The dam burst on Tuesday, the mayor said.")
    assert [f.reason for f in judged()] == ["another source: police -> the mayor"]
    (f,) = judged(attribution=False)  # each other's only close claim: two statements, not one credited twice
    assert f.kind.value == "agree"


def test_without_the_sources_the_figures_scope_is_read_from_the_whole_claim():
    # "in the country" is the country of the source's possessive, which only the claim's frame names
    *_, judged = _pair("Turkey's disaster agency said 8,574 people had died in the country.",
                       "Syria's health ministry said 3,162 people had died in the country.")
    assert [f.reason for f in judged(attribution=False)] == ["same claim; other scope: 8,574 | 3,162"]


def test_every_finding_of_a_pair_carries_its_scores_and_the_claims_place():
    from claimdiff.judge import judge, side

    docs, a, b, _ = _pair("The dam burst on Tuesday, police said.", "The dam reportedly burst on Tuesday, the mayor said.")
    sides = (side(docs[0], a), side(docs[1], b))
    # the second paragraph: line 7, under four lines of front matter, the first paragraph and a blank line
    assert (sides[0].text, sides[0].start, sides[0].end, sides[0].line) == (a.text, a.start, a.end, 7)
    out = judge(a, b, sides, (("cosine", 0.91), ("overlap", 0.8)))
    assert [f.kind.value for f in out] == ["attribution-shift", "certainty-shift"]
    assert all(f.scores == (("cosine", 0.91), ("overlap", 0.8)) for f in out)


def test_findings_held_below_the_confidence_level_report_their_pair_as_aligned():
    from dataclasses import replace

    from claimdiff.judge import aligned

    *_, judged = _pair("The dam burst on Tuesday, police said.", "The dam reportedly burst on Tuesday, the mayor said.")
    held = [replace(f, confidence=c, scores=(("cosine", 0.7),)) for f, c in zip(judged(), (0.31, 0.27))]
    f = aligned(held, 0.5)
    assert f.kind.value == "agree"
    assert f.reason == ("aligned, not judged (below 0.50): attribution-shift at confidence 0.31 (another source: "
                        "police -> the mayor); certainty-shift at confidence 0.27 (asserted -> hedged ('reportedly'))")
    assert f.confidence == 0.27  # the least sure of what was held
    assert f.details == (("held", "attribution-shift, certainty-shift"),)
    assert f.scores == (("cosine", 0.7),) and [s.claim for s in f.sides] == [s.claim for s in held[0].sides]
    # the words that differ, as any agreement shows them; not the spans of the findings held back
    assert [[s.text[x:y] for x, y in s.spans] for s in f.sides] == [["police"], ["reportedly", "the mayor"]]
    # one finding held: the same, of that one
    one = aligned(held[:1], 0.5)
    assert one.reason == "aligned, not judged (below 0.50): attribution-shift at confidence 0.31 (another source: " \
                         "police -> the mayor)" and one.confidence == 0.31
