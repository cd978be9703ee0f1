"""Reports read from the parse: ``reading.own_report`` (a clause that is itself a report, its
subject and where what was said starts), ``reading.relayed_report`` (an outlet's report of what
someone said) and ``reading.proper_names``. Each case is one sentence and the reading a news
editor would give it, written out in full: the subject as the text has it, the verb, and the
words where the frame starts and where what was said starts."""

from __future__ import annotations

import pytest

from claimdiff.extract import reading
from claimdiff.extract.parse import parser_for


def parse(text: str):
    return parser_for(None).parse([text])[0]


# (sentence, (source, verb, frame starts at, said starts at, cited, whole subject)) or None
OWN = [
    ("The coast guard said its plane had been on its way to Niigata.",
     ("The coast guard", "said", "The coast guard", "its plane", None, "The coast guard")),
    # the clause about the source is not the source, but it is part of the frame
    ("Tamer Ramadan, who heads a delegation of the Red Cross, said the toll was huge.",
     ("Tamer Ramadan", "said", "Tamer Ramadan", "the toll", None,
      "Tamer Ramadan, who heads a delegation of the Red Cross,")),
    # "that" opens what was said and is no part of it
    ("Police said that the gunman had been arrested.", ("Police", "said", "Police", "the gunman", None, "Police")),
    # whom the subject cites: the source, with the subject as its channel
    ("Citing the interior ministry, state media say at least 2,012 people died.",
     ("state media", "say", "Citing", "at least 2,012", "the interior ministry", "state media")),
    # the frame at the end: from its subject to the end of the sentence
    ("The toll rose to 158, the rescue services said on Thursday.",
     ("the rescue services", "said", "the rescue services", None, None, "the rescue services")),
    # a "that" that is no mark ("that man") is part of what was said
    ("Police said that man had fled the scene.", ("Police", "said", "Police", "that man", None, "Police")),
    ("Quoting a police source, state media say the gunman was 71.",
     ("state media", "say", "Quoting", "the gunman", "a police source", "state media")),
    # a frame at the end whose subject has a clause about it
    ("The toll rose to 158, Tamer Ramadan, who heads the Red Cross team, said on Thursday.",
     ("Tamer Ramadan", "said", "Tamer Ramadan", None, None, "Tamer Ramadan, who heads the Red Cross team,")),
    # no reading: a pronoun ("he said" is resolved elsewhere), no verb of saying, nothing said
    ("He said the plane had landed.", None),
    ("The ministry decided that the school would close.", None),
    ("Protesters carried banners through the city.", None),
    ("The ministry said so.", None),
]


@pytest.mark.parametrize("text, want", OWN, ids=[t[:40] for t, _ in OWN])
def test_a_clause_that_is_a_report_has_its_own_source(text, want):
    got = reading.own_report(parse(text), 0, len(text))
    if want is None:
        assert got is None, got
        return
    source, verb, frame_at, said_at, cited, whole = want
    assert got is not None
    assert got[0] == source and got[1] == verb and got[4] == cited and got[5] == whole, got
    assert got[2] == text.index(frame_at), got
    # what was said starts at those words; a frame at the end runs to the sentence's end
    assert got[3] == (len(text) if said_at is None else text.index(said_at)), got


def test_a_report_is_read_only_inside_the_claim():
    """The clause after ", and" is a report of its own; the claim before it is not."""
    text = "The jet had left from Sapporo, an airline spokesperson said, and the coast guard said its plane was lost."
    at = text.index("the coast guard")
    got = reading.own_report(parse(text), at, len(text))
    assert got is not None and got[0] == "the coast guard" and got[3] == text.index("its plane"), got
    assert reading.own_report(parse(text), 0, text.index(", an airline")) is None


RELAYED = [
    # the agency's verb under the speaker's, as the parse hangs a frame at the end
    ("Yanagishima said the pilot had got out, the Associated Press reported.", ("Yanagishima", "said")),
    ("Coast guard spokesperson Yoshinori Yanagishima said the pilot had got out, the Associated Press reported.",
     ("Coast guard spokesperson Yoshinori Yanagishima", "said")),
    # the speaker's verb under the agency's
    ("The Associated Press reported that police said the gunman had been arrested.", ("police", "said")),
    ("Reuters reported that officials said the bridge had collapsed.", ("officials", "said")),
    # the speaker without the clause about them, either way round
    ("Tamer Ramadan, who heads the Red Cross team in Libya, said the toll was huge, the Associated Press reported.",
     ("Tamer Ramadan", "said")),
    ("The Associated Press reported that Tamer Ramadan, who heads the Red Cross team, said the toll was huge.",
     ("Tamer Ramadan", "said")),
    # no one relayed: a pronoun, the agency's own report, a report of nothing said
    ("The Associated Press reported that he said the gunman had been arrested.", None),
    ("The pilot had got out, the Associated Press reported.", None),
    ("Police said, the Associated Press reported.", None),
]


@pytest.mark.parametrize("text, want", RELAYED, ids=[t[:40] for t, _ in RELAYED])
def test_an_outlets_report_of_what_someone_said(text, want):
    assert reading.relayed_report(parse(text), "reported") == want


def test_a_verb_that_is_not_in_the_sentence_relays_nothing():
    assert reading.relayed_report(parse("Reuters reported that officials said the bridge had collapsed."),
                                  "confirmed") is None


@pytest.mark.parametrize("text, want", [
    ("The trial turned on the testimony of Caroline Ellison, his former girlfriend.", ["Caroline Ellison"]),
    ("Joseph Bankman and Barbara Fried sat behind him in New York.", ["Joseph Bankman", "Barbara Fried", "New York"]),
    # one proper noun alone is no name a pronoun would point back to here
    ("Ellison testified for three days.", []),
    ("The jury deliberated for five hours.", []),
])
def test_proper_names_are_runs_of_two_or_more(text, want):
    assert reading.proper_names(parse(text)) == want
