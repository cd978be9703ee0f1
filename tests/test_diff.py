"""Each finding kind on two short reports, with the real model: cases that must fire, and
near-misses that must not."""

from __future__ import annotations

import itertools

import pytest

from claimdiff.api import Settings, compare
from claimdiff.read import parse_document


def _doc(doc_id: str, text: str, date: str = "2024-11-06"):
    return parse_document(f"---\noutlet: {doc_id.title()}\ndate: {date}\n---\n{text}\n", doc_id=doc_id, path=None,
                          name=doc_id)


def kinds(encoder, ref: str, other: str, *, ref_date="2024-11-06", other_date="2024-11-06"):
    """The kinds the judge finds between the first claims of the two reports (and only-in
    anywhere), with nothing held back for its confidence (the level has tests of its own)."""
    result = compare([_doc("ref", ref, ref_date), _doc("other", other, other_date)], encoder=encoder,
                     settings=Settings(min_confidence=0.0))
    return {f.kind.value for f in result.findings}, result


FIRE = [
    ("agree", "Employers added 254,000 jobs in September, the Labor Department said.",
     "The economy added about 250,000 jobs in September, the Labor Department said."),
    ("agree", "The convoy travelled 6,437 kilometers to reach the front.",
     "The convoy travelled some 4,000 miles to reach the front."),
    # an exact count under a floor of the same toll (two floors agree: see the near misses)
    ("figure-shift", "The earthquake has killed more than 11,000 people in Turkey and Syria.",
     "The earthquake has killed 5,000 people in Turkey and Syria."),
    ("figure-shift", "North Korea has shipped 16,000 containers of artillery shells to Russia.",
     "North Korea has shipped 13,000 containers of artillery shells to Russia."),
    ("figure-shift", "The earthquake had a magnitude of 7.8, seismologists said.",
     "The earthquake had a magnitude of 7.7, seismologists said."),
    ("figure-shift", "He faces a maximum of 110 years in prison, prosecutors said.",
     "He faces up to 115 years in prison, prosecutors said."),
    ("figure-shift", "The container ship hit the bridge at about 1:28 a.m., officials said.",
     "The container ship hit the bridge at around 1:35 a.m., officials said."),
    ("contradiction", "North Korean troops have begun combat operations in the Kursk region.",
     "North Korean troops have not begun combat operations in the Kursk region."),
    ("contradiction", "The unemployment rate fell to 4.1% in September.",
     "The unemployment rate ticked up to 4.1% in September."),
    ("contradiction", "The border crossing remains closed to aid convoys.",
     "The border crossing reopened to aid convoys."),
    ("attribution-shift", "More than 10,000 soldiers have been sent to Russia, State Department spokesperson Vedant Patel said.",
     "More than 10,000 soldiers have been sent to Russia, a Pentagon spokesperson said."),
    ("contradiction", "Chancellor Jeremy Hunt narrowly held his seat of Godalming and Ash.",
     "Chancellor Jeremy Hunt lost his seat of Godalming and Ash."),
    ("attribution-shift", "Labour won about 34 per cent of the vote, according to the BBC's projection.",
     "Labour won about 34 per cent of the vote, according to a Sky News projection."),
    ("attribution-shift", "Starmer told supporters at a rally in London that change would begin immediately.",
     "A Labour spokesperson said at a rally in London that change would begin immediately."),
    ("attribution-shift", "The death toll in Turkey rose to 8,574, AFAD said.",
     "The death toll in Turkey rose to 8,574, Turkey's health ministry said."),
    ("certainty-shift", "The North Korean troops fought alongside the 810th Naval Infantry Brigade.",
     "The North Korean troops reportedly fought alongside the 810th Naval Infantry Brigade."),
    ("certainty-shift", "A number of North Korean soldiers were killed in the clash, the official confirmed.",
     "The official did not say whether any North Korean soldiers were killed in the clash."),
    # one actor under its capital's name: the figures are of one holder, and they moved
    ("figure-shift", "North Korea has supplied Russia with 16,000 containers of munitions.",
     "Pyongyang has supplied Russia with 13,000 containers of munitions."),
    # an acronym and its words are one party
    ("figure-shift", "The Scottish National Party won nine seats in the election.",
     "The SNP won eight seats in the election."),
    # an exact count under a precise count so far is another count
    ("figure-shift", "At least 1,602 people were killed in the earthquake, officials said.",
     "Some 1,450 people were killed in the earthquake, officials said."),
    ("certainty-shift", "The strikes hit only military targets, the official said.",
     "It appeared the strikes hit only military targets, the official said."),
    # two words for one event: the verdict's day moved
    ("figure-shift", "Donald Trump was convicted on Thursday of falsifying business records.",
     "Donald Trump was found guilty on Wednesday of falsifying business records."),
    # a movement gives where it went, not a range: 16.4% against 15.2% moved
    ("figure-shift", "Food inflation went up from 14.6% to 16.4% in October, the statistics office said.",
     "Food inflation reached 15.2% in October, the statistics office said."),
    # a named source against a group: not one person described loosely
    ("attribution-shift", "At least 10 people were shot dead, Vivian Achista, a paramedic, said.",
     "At least 10 people were shot dead, paramedics said."),
    # one running count told on two days, the later lower: not a count that rose (the later
    # higher, Wednesday's 11,000 against Tuesday's 7,800, is another scope since session 10:
    # tests/test_judge_rules.py)
    ("figure-shift", "The death toll stood at more than 11,000 on Tuesday, officials said.",
     "The death toll fell to at least 7,800 on Wednesday, officials said."),
]


@pytest.mark.parametrize("kind,ref,other", FIRE, ids=[f"{k}-{n}" for n, (k, _, _) in enumerate(FIRE)])
def test_fires(encoder, kind, ref, other):
    found, result = kinds(encoder, ref, other)
    assert kind in found, [(f.kind.value, f.reason) for f in result.findings]
    if kind != "agree":
        assert "agree" not in found


def test_dates_that_move(encoder):
    found, result = kinds(encoder, "The two armies clashed for the first time on November 4.",
                          "The two armies clashed for the first time on Tuesday.",
                          ref_date="2024-11-05", other_date="2024-11-06")
    shift = [f for f in result.findings if f.kind.value == "figure-shift"]
    assert shift and "2024-11-04" in shift[0].reason and "2024-11-05" in shift[0].reason and "+1 day" in shift[0].reason


def test_a_date_of_the_claim_still_moves_beside_a_date_of_the_saying(encoder):
    found, result = kinds(encoder, "The bridge collapsed on Monday, officials said on Wednesday.",
                          "The bridge collapsed on Tuesday, officials said on Wednesday.")
    shift = [f for f in result.findings if f.kind.value == "figure-shift"]
    assert shift and "+1 day" in shift[0].reason and shift[0].reason.count("date:") == 1, shift


NEAR_MISS = [
    # (kind that must not fire, reference, other)
    # two floors of one running count are both true of a later count (session 11: these were
    # shifts, as "more than 2,600" was read as under 2,860; on real coverage every such pair was
    # one toll told at two hours, and the gold brief calls a shift only what cannot both be true)
    ("figure-shift", "The earthquake has killed more than 11,000 people in Turkey and Syria.",
     "The earthquake has killed more than 5,000 people in Turkey and Syria."),
    ("figure-shift", "At least 1,602 people were killed in the earthquake, officials said.",
     "More than 2,600 people were killed in the earthquake, officials said."),
    ("contradiction", "The first battles with North Korean soldiers mark a new chapter of global instability.",
     "The first battles with North Korean soldiers open a new page of instability in the world."),
    ("contradiction", "A number of North Korean soldiers were killed in the clash, the official confirmed.",
     "The official did not say whether any North Korean soldiers were killed in the clash."),
    ("figure-shift", "Over 10,000 North Korean soldiers have been sent to Russia.",
     "About 11,000 North Korean soldiers have been sent to Russia."),
    ("figure-shift", "The convoy travelled 6,437 kilometers (4,000 miles) to reach the front.",
     "The convoy travelled about 6,400 km to reach the front."),
    ("figure-shift", "Ukraine holds roughly 647 square kilometers of the region.",
     "Ukraine holds about 250 square miles of the region."),
    ("attribution-shift", "North Korean troops have joined the fighting, a senior U.S. official said.",
     "North Korean troops have joined the fighting, U.S. officials said."),
    ("certainty-shift", "The North Korean troops fought alongside the 810th Naval Infantry Brigade, the official confirmed.",
     "The North Korean troops fought alongside the 810th Naval Infantry Brigade, the official said."),
    # a negation whose word the other side never says negates nothing the other asserts
    ("contradiction", "Bankman-Fried showed little emotion as the verdict was read.",
     "Bankman-Fried showed no visible reaction as the verdict was read."),
    # the day of the saying and the term of a comparison are not the claim's dates
    ("figure-shift", "More than 15,000 people have died in Turkey and Syria, officials said on Wednesday.",
     "More than 15,000 people have died in Turkey and Syria, officials said on Thursday."),
    ("figure-shift", "Labour won a landslide victory in Thursday's general election.",
     "Labour won a landslide victory in Britain's general election, results showed early on Friday."),
    ("figure-shift", "Labour won fewer votes than it did in 2019.",
     "Labour won fewer votes than it did in 2017."),
    ("figure-shift", "The container ship hit the bridge at 1:28 a.m., officials said.",
     "The container ship hit the bridge shortly before 1:30 a.m., officials said."),
    ("figure-shift", "The bridge, part of Interstate 695, carried 30,000 vehicles a day.",
     "The bridge, part of Interstate 95, carried 30,000 vehicles a day."),
    # a part beside one already counted is no total: "she and two other executives" are three
    ("figure-shift", "Three former executives had pleaded guilty and testified against him.",
     "She and two other former executives had pleaded guilty and testified against him."),
    ("figure-shift", "A maximum of 110 years in prison awaits him.",
     "Up to 110 years in prison awaits him."),
    ("only-in", "Rescuers pulled a newborn girl alive from the rubble of her family's home.",
     "A baby girl was rescued alive from the ruins of her family's house."),
    # the size of the whole is not what was won: 294 against "at least 292", not against 543
    ("figure-shift", "The alliance had won 294 seats, official results showed.",
     "The alliance was ahead in at least 292 of the 543 seats, official results showed."),
    # seats of two named holders are two figures, not one that moved
    ("figure-shift", "The NDA had taken 294 seats in the lower house, the commission said.",
     "The BJP had taken 240 seats in the lower house, the commission said."),
    # a date that names another thing ("the Oct. 1 salvo") is not the day of the strike
    ("figure-shift", "Israel struck military targets in Iran on Saturday in retaliation for the missile salvo.",
     "Israel struck military targets in Iran in retaliation for the Oct. 1 missile salvo."),
    # both hedge: "it appeared" and "it looks like"
    ("certainty-shift", "He said it appeared they hit nothing but military targets.",
     "He said it looks like they hit nothing but military targets."),
    # one body under its street's name
    ("attribution-shift", "Inflation will fall back towards 10% early next year, according to Threadneedle Street.",
     "Inflation will fall back towards 10% early next year, according to the Bank of England."),
    # one person, named on one side and described loosely on the other
    ("attribution-shift", "Four people died in St. Lucie County, county spokesperson Erick Gill said.",
     "Four people died in St. Lucie County, a county official said."),
    # figures of two periods that do not meet are two figures
    ("figure-shift", "Consumer price inflation was 4.2% in October 2021, the statistics office said.",
     "Consumer price inflation was 11.1% in October 2022, the statistics office said."),
    # the start of a movement is not the figure it moved to
    ("figure-shift", "Food inflation went up from 14.6% to 16.4% in October.",
     "Food inflation reached 16.4% in October."),
    # two dates of two events: the sentencing and the deliberation
    ("figure-shift", "Murdaugh will be sentenced on Friday for the murders of his wife and son.",
     "Murdaugh was convicted on Thursday of the murders of his wife and son."),
    # a plea of not guilty and a denial of the charges say one thing
    ("contradiction", "Murdaugh had denied the charges by pleading not guilty to both murders.",
     "Murdaugh had entered a plea of not guilty to both murders."),
    # the lead is shared, the holding is not asserted: "could not hold on" is no denial of "squandered"
    ("contradiction", "Argentina could not hold on to their two-goal lead in the final.",
     "Argentina squandered their two-goal lead in the final."),
]


@pytest.mark.parametrize("kind,ref,other", NEAR_MISS, ids=[f"not-{k}-{n}" for n, (k, _, _) in enumerate(NEAR_MISS)])
def test_near_misses_do_not_fire(encoder, kind, ref, other):
    found, result = kinds(encoder, ref, other)
    assert kind not in found, [(f.kind.value, f.reason) for f in result.findings]
    assert result.alignments, "the two claims should still be paired"


def test_only_in_fires(encoder):
    found, result = kinds(encoder, "The quake struck at 04:17 local time.\nTrading on the Istanbul stock exchange was halted.",
                          "The quake hit at 4:17 a.m. local time.")
    only = [f for f in result.findings if f.kind.value == "only-in"]
    assert [f.sides[0].text for f in only] == ["Trading on the Istanbul stock exchange was halted."]


def test_permuting_documents_changes_nothing(encoder):
    from conftest import CORPUS, SEED
    from claimdiff.read import read_document
    from claimdiff.report import to_json

    seed = read_document(str(SEED))
    others = [read_document(str(p)) for p in sorted(CORPUS.glob("*.md"))]
    outputs = set()
    clusters = set()
    for perm in itertools.islice(itertools.permutations(others), 0, 120, 40):
        result = compare([seed, *perm], encoder=encoder)
        outputs.add(to_json(result).replace("\\n", "").split('"documents"')[1])
        clusters.add(result.clusters)
    assert len(outputs) == 1 and len(clusters) == 1


def test_clusters_hold_one_claim_per_document(encoder):
    from conftest import CORPUS, SEED
    from claimdiff.read import read_document

    docs = [read_document(str(SEED))] + [read_document(str(p)) for p in sorted(CORPUS.glob("*.md"))]
    result = compare(docs, encoder=encoder)
    assert len(result.clusters) > 15
    for group in result.clusters:
        owners = [c.rsplit("#", 1)[0] for c in group]
        assert len(owners) == len(set(owners)) and len(group) >= 2
    text = {c.id: c.text for c in result.claims}
    containers = [g for g in result.clusters if any("16,000 shipping containers" in text[c] for c in g)]
    # the seed, Meridian, Ironvale and Saltmarsh all give the shipments a figure
    assert containers and len(containers[0]) >= 4, [text[c] for c in containers[0]] if containers else None


def test_all_pairs_judges_every_pair(encoder):
    a = _doc("a", "The two armies clashed for the first time on November 4.", "2024-11-05")
    b = _doc("b", "The two armies clashed for the first time on Tuesday.", "2024-11-06")
    c = _doc("c", "The armies first clashed on November 5, officials said.", "2024-11-06")
    result = compare([a, b, c], all_pairs=True, encoder=encoder)
    pairs = {(f.sides[0].document, f.sides[1].document) for f in result.findings if len(f.sides) == 2}
    assert ("b", "c") in pairs


def test_a_denial_beside_a_closer_claim_keeps_its_source_shift(encoder):
    """The denial pairs one-to-many with the claim it denies (the one-to-one pairing takes
    the closer neighbour); the shift of source on that pair is reported with it."""
    ref = ("While most of the North Korean soldiers have not engaged in direct combat, some have. "
           "The North Korean troops have begun combat operations with Russian forces, State Department "
           "spokesperson Vedant Patel said.")
    other = "The North Korean troops have not engaged in combat operations, a Pentagon official said."
    found, result = kinds(encoder, ref, other)
    by_pair = {}
    for f in result.findings:
        for sides in f.all_sides if len(f.sides) == 2 else ():
            by_pair.setdefault((sides[0].text, sides[1].text), set()).add(f.kind.value)
    denied = [k for (a, _), k in by_pair.items() if a.startswith("The North Korean troops have begun")]
    assert denied and {"contradiction", "attribution-shift"} <= denied[0], by_pair


def test_one_measurement_in_other_units_aligns(encoder):
    """The model scores "a depth of 17.9 km" / "about 11 miles underground" 0.34, far below
    the threshold; the agreeing converted figure is what pairs them (Settings.unit_bonus)."""
    from claimdiff.api import Settings

    ref = "The quake was centred at a depth of 17.9 km, shallow enough to cause violent shaking."
    other = "It originated about 11 miles underground, according to the U.S. Geological Survey."
    found, result = kinds(encoder, ref, other)
    assert "agree" in found and "only-in" not in found, [(f.kind.value, f.reason) for f in result.findings]
    without = compare([_doc("ref", ref), _doc("other", other)], encoder=encoder, settings=Settings(unit_bonus=0.0))
    assert {f.kind.value for f in without.findings} == {"only-in"}
    # a measurement that does not agree once converted gets nothing: 17.9 km is not 30 miles
    found, _ = kinds(encoder, ref, "It originated about 30 miles underground, according to the U.S. Geological Survey.")
    assert "agree" not in found


def test_one_telling_figure_on_both_sides_pairs_a_loose_paraphrase(encoder):
    """The model scores "left about 2,300 people dead" / "recovered the bodies of 2,300 residents"
    below the floor; the one telling figure both give pairs them (Settings.figure_bonus), and
    a figure that is not the same leaves them apart."""
    ref = "The storm left about 2,300 people dead in the city, officials said."
    other = "Rescue teams in the port have recovered the bodies of 2,300 residents."
    found, result = kinds(encoder, ref, other)
    assert "agree" in found and "only-in" not in found, [(f.kind.value, f.reason) for f in result.findings]
    without = compare([_doc("ref", ref), _doc("other", other)], encoder=encoder,
                      settings=Settings(figure_bonus=0.0, min_confidence=0.0))
    assert {f.kind.value for f in without.findings} == {"only-in"}
    found, _ = kinds(encoder, ref, other.replace("2,300", "2,800"))
    assert found == {"only-in"}


def test_a_shared_figure_pairs_but_does_not_pass_the_bars(encoder):
    """"The cyclone may have taken the lives of 2,300 residents" reads too unlike the reference
    for a certainty shift (0.62, the bar is 0.65); the figure's bonus lifts the pairing score
    above the bar, but the judge reads the words' score: aligned, not a shift."""
    ref = "The storm left about 2,300 people dead in the city, officials said."
    other = "The cyclone may have taken the lives of 2,300 residents."
    found, result = kinds(encoder, ref, other)
    assert found == {"agree"}, [(f.kind.value, f.reason) for f in result.findings]
    # the same hedge on a pair whose words read alike is a shift
    found, _ = kinds(encoder, ref, "Up to 2,300 people in the city may have died in the storm.")
    assert "certainty-shift" in found


@pytest.mark.parametrize("a, b, same", [
    ("Hou came second on 33.5%.", "Hou took 4,671,021 votes, or 33.49%.", True),   # rounding
    ("About 33,000 people had to evacuate.", "Evacuees numbered 34,297.", False),   # two figures
    ("Roughly 30,000 workers walked out.", "The stoppage involves 33,000 machinists.", False),
    ("Nine people were hurt.", "Nine people were hurt, police said.", False),        # too small to tell
    ("It fell to 4.1% in August.", "The rate dipped to 4.1 per cent.", True),
    ("The deal is worth $14.1 billion.", "Nippon Steel will pay $14.1 billion.", True),
    ("It was signed on March 10.", "The deal was announced on March 10.", False),    # a date: every claim's
    ("Troops fired 180 missiles.", "The strikes killed 180 people.", False),         # other things counted
    # a figure per unit against a total: two figures (roles differ)
    ("Five units, each of about 3,000 soldiers, crossed.", "About 3,000 soldiers crossed the border.", False),
])
def test_same_figure_is_one_telling_value(a, b, same):
    from claimdiff.align import figure_relation
    from claimdiff.extract import extract

    ca, cb = extract(_doc("a", a))[0], extract(_doc("b", b))[0]
    assert bool(figure_relation([ca], [cb]).agreeing[0, 0]) is same


def test_converted_needs_other_units_and_agreement():
    from claimdiff.align import figure_relation
    from claimdiff.extract import extract

    def claim(text):
        return extract(_doc("d", text))[0]

    km, miles, far = claim("A depth of 17.9 km."), claim("About 11 miles deep."), claim("About 30 miles deep.")
    same_unit = claim("A depth of 17.9 km, the survey said.")
    assert figure_relation([km], [miles]).converted[0, 0] == 1.0
    assert figure_relation([km], [far]).converted[0, 0] == 0.0
    assert figure_relation([km], [same_unit]).converted[0, 0] == 0.0  # word overlap sees that one


def test_the_size_of_a_move_reads_under_one_per_cent():
    """A move under 1% says how small it is, never "-0%"."""
    from claimdiff.judge import move
    from claimdiff.extract.quantities import quantities

    def q(text):
        (one,) = quantities(text)
        return one

    assert move(q("412 seats"), q("411 seats")) == "-1 (-0.2%)"
    assert move(q("59.8%"), q("59.7%")) == "-0.1 points (-0.2%)"  # percentage points, then relative
    assert move(q("16,000 containers"), q("13,000 containers")) == "-3,000 (-19%)"
    assert move(q("5%"), q("6%")) == "+1 point (+20%)"


def test_british_and_american_spellings_are_one_word_to_rapidfuzz():
    from claimdiff.align import fuzzy_matrix, processor

    assert processor("The Labour organisation's defence centre travelled") == \
        processor("the Labor organization's defense center traveled")
    uk, us = "He testified in his own defence.", "He testified in his own defense."
    assert fuzzy_matrix([uk], [us])[0, 0] == 1.0
    # only the closed table: "promise" and "rise" are not turned into "promize" and "rize"
    assert processor("a promise to rise") == "a promise to rise"


def test_one_running_count_pairs_below_the_floor(encoder):
    """Two tolls of the dead in other words, which the model scores below the threshold (0.60 less
    the figure penalty), are paired on the count they share (Settings.figure_floor) where no other
    tier would take them, and judged on their figures only."""
    from claimdiff.api import Settings

    ref = "Four people were killed, all of them with the military's air defense, the army said."
    other = "Two soldiers were killed when Israeli air strikes hit military installations, the army said."
    docs = [_doc("ref", ref), _doc("other", other)]
    tier = compare(docs, encoder=encoder, settings=Settings(floor=None, figure_floor=0.40, min_confidence=0.0))
    found = {f.kind.value: f for f in tier.findings}
    assert set(found) == {"figure-shift"} and "Four -> Two" in found["figure-shift"].reason, found
    assert tier.alignments[0].score < 0.62
    # below the threshold no change of source or certainty is called, whatever the two say
    without = compare(docs, encoder=encoder, settings=Settings(floor=None, figure_floor=None, min_confidence=0.0))
    assert {f.kind.value for f in without.findings} == {"only-in"}


def test_the_figure_tier_takes_each_claims_best_toll_partner():
    import numpy as np

    from claimdiff.align import pair

    same = np.array([[0.45, 0.30, 0.44],
                     [0.20, 0.42, 0.48],
                     [0.41, 0.10, 0.20]], dtype=np.float32)
    tolls = np.array([[1, 0, 1],
                      [0, 1, 0],
                      [1, 0, 1]], dtype=np.float32)
    # (0, 0) first; then 1's best toll partner is 1 (0.42; 2 gives no toll); 2's only free one is 2 (0.20,
    # under the floor of 0.40)
    assert pair(same, same, 0.62, floor=0.50, figures=tolls, figure_floor=0.40) == [(0, 0), (1, 1)]
    assert pair(same, same, 0.62, floor=0.50, figures=tolls, figure_floor=0.43) == [(0, 0)]
    assert pair(same, same, 0.62, floor=0.50) == []  # no tier without the counts
    # a pair whose claims each have a better toll partner waits for them
    assert pair(same, same, 0.62, floor=0.50, figures=tolls, figure_floor=0.30) == [(0, 0), (1, 1)]
