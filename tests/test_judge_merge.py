"""One disagreement, one finding (``judge.merge``): findings of one kind between the same two
documents are joined when they share a claim, when they give one reason and one side restates
itself, or when they move the same figures; the first in report order stands for them, with
the highest confidence of the joined ones."""

from __future__ import annotations

from claimdiff.judge import merge
from claimdiff.model import Claim, Finding, Kind, Side

TEXTS = {
    "r#1": "About 40 firefighters fought the warehouse fire on Friday.",
    "r#2": "About 40 firefighters had fought the warehouse fire by the evening.",  # the lead again
    "r#3": "The harbour will reopen to cargo ships on Monday.",
    "o#1": "Some 60 firefighters fought the warehouse fire on Friday.",
    "o#2": "Some 60 firefighters had fought the warehouse fire by the evening.",
    "o#3": "The harbour will reopen to cargo ships on Wednesday.",
    "o#4": "Roughly 60 crews were called to the burning depot.",
    "x#1": "Some 60 firefighters fought the warehouse fire on Friday.",
}
CLAIMS = {cid: Claim(id=cid, document=cid.split("#")[0], start=10 * int(cid[-1]), end=10 * int(cid[-1]) + len(t),
                     text=t, sentence_start=0, sentence_end=len(t), content=t) for cid, t in TEXTS.items()}


def side(cid: str) -> Side:
    c = CLAIMS[cid]
    return Side(document=c.document, outlet=c.document, claim=cid, text=c.text, start=c.start, end=c.end, line=1)


def finding(kind: Kind, a: str, b: str, reason: str, figures: str | None = None, confidence: float = 0.5) -> Finding:
    return Finding(kind=kind, reason=reason, sides=(side(a), side(b)), confidence=confidence,
                   details=(("figures", figures),) if figures else ())


def merged(*findings: Finding) -> list[list[tuple[str, str]]]:
    out = merge(list(findings), CLAIMS, position=lambda f: f.sides[0].start)
    return [[(s[0].claim, s[1].claim) for s in f.all_sides] for f in out]


SHIFT = Kind.FIGURE_SHIFT


def test_a_lead_repeated_lower_down_is_one_finding_and_the_first_stands_for_it():
    later = finding(SHIFT, "r#2", "o#2", "firefighters: About 40 -> Some 60", confidence=0.9)
    first = finding(SHIFT, "r#1", "o#1", "firefighters: About 40 -> Some 60", confidence=0.6)
    out = merge([later, first], CLAIMS, position=lambda f: f.sides[0].start)
    assert [[(s[0].claim, s[1].claim) for s in f.all_sides] for f in out] == [[("r#1", "o#1"), ("r#2", "o#2")]]
    assert out[0].confidence == 0.9  # the surest of the joined


def test_a_shared_claim_joins_two_findings_whatever_their_reasons():
    assert merged(finding(Kind.CONTRADICTION, "r#1", "o#1", "one reason"),
                  finding(Kind.CONTRADICTION, "r#1", "o#2", "another reason")) == [[("r#1", "o#1"), ("r#1", "o#2")]]
    assert merged(finding(Kind.CONTRADICTION, "r#1", "o#1", "one reason"),
                  finding(Kind.CONTRADICTION, "r#2", "o#1", "another reason")) == [[("r#1", "o#1"), ("r#2", "o#1")]]


def test_the_same_moved_figures_join_however_the_claims_are_worded():
    assert merged(finding(SHIFT, "r#1", "o#1", "firefighters: About 40 -> Some 60", "About 40 | Some 60"),
                  finding(SHIFT, "r#2", "o#4", "crews: About 40 -> Roughly 60", "About 40 | Some 60")) \
        == [[("r#1", "o#1"), ("r#2", "o#4")]]


def test_one_reason_joins_only_where_a_side_restates_itself():
    # r#1 / r#3 and o#3 / o#4 say other things: one reason, two disagreements
    assert merged(finding(Kind.CERTAINTY_SHIFT, "r#1", "o#3", "asserted -> hedged ('reportedly')"),
                  finding(Kind.CERTAINTY_SHIFT, "r#3", "o#4", "asserted -> hedged ('reportedly')")) \
        == [[("r#1", "o#3")], [("r#3", "o#4")]]
    # o#1 and o#2 restate each other
    assert merged(finding(Kind.CERTAINTY_SHIFT, "r#1", "o#1", "asserted -> hedged ('reportedly')"),
                  finding(Kind.CERTAINTY_SHIFT, "r#3", "o#2", "asserted -> hedged ('reportedly')")) \
        == [[("r#1", "o#1"), ("r#3", "o#2")]]


def test_other_kinds_other_reports_and_agreements_stay_apart():
    assert merged(finding(SHIFT, "r#1", "o#1", "same"), finding(Kind.CONTRADICTION, "r#1", "o#1", "same")) \
        == [[("r#1", "o#1")], [("r#1", "o#1")]]
    assert merged(finding(SHIFT, "r#1", "o#1", "same"), finding(SHIFT, "r#1", "x#1", "same")) \
        == [[("r#1", "o#1")], [("r#1", "x#1")]]
    assert merged(finding(Kind.AGREE, "r#1", "o#1", "same claim"), finding(Kind.AGREE, "r#1", "o#2", "same claim")) \
        == [[("r#1", "o#1")], [("r#1", "o#2")]]


def test_one_reason_joins_where_the_first_side_restates_itself():
    # r#1 and r#2 restate each other (the lead again); o#3 and o#4 do not
    assert merged(finding(Kind.CERTAINTY_SHIFT, "r#1", "o#3", "asserted -> hedged ('reportedly')"),
                  finding(Kind.CERTAINTY_SHIFT, "r#2", "o#4", "asserted -> hedged ('reportedly')")) \
        == [[("r#1", "o#3"), ("r#2", "o#4")]]


def test_an_agreement_before_them_does_not_keep_findings_apart():
    assert merged(finding(Kind.AGREE, "r#3", "o#3", "same claim"),
                  finding(Kind.CONTRADICTION, "r#1", "o#1", "one reason"),
                  finding(Kind.CONTRADICTION, "r#1", "o#2", "another reason")) \
        == [[("r#3", "o#3")], [("r#1", "o#1"), ("r#1", "o#2")]]


def test_a_claim_shared_with_another_report_joins_nothing():
    # o#1 is on both, against r and against x: two reports, two disagreements
    assert merged(finding(SHIFT, "r#1", "o#1", "one reason"), finding(SHIFT, "x#1", "o#1", "another reason")) \
        == [[("r#1", "o#1")], [("x#1", "o#1")]]


def test_any_two_findings_of_a_group_are_compared_not_only_neighbours():
    # the first and the third share r#1; the second and the fourth share nothing with any
    assert merged(finding(Kind.CONTRADICTION, "r#1", "o#1", "first"), finding(Kind.CONTRADICTION, "r#2", "o#3", "second"),
                  finding(Kind.CONTRADICTION, "r#1", "o#4", "third"), finding(Kind.CONTRADICTION, "r#3", "o#2", "fourth")) \
        == [[("r#1", "o#1"), ("r#1", "o#4")], [("r#2", "o#3")], [("r#3", "o#2")]]
