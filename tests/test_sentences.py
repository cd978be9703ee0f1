"""Sentence and claim boundaries, as a news editor would draw them.

``sentences(text)`` cuts a report into sentence spans: abbreviations ("U.S.", "Oct.",
"Gen.", "a.m."), decimals ("$7.1 billion") and a quotation that is one utterance do not
end a sentence; each line (headline, byline, paragraph, list item) is cut on its own, and
Markdown markers are trimmed. ``claims(text, span)`` cuts one sentence into atomic claims
where a separate clause begins, but never inside a list or at a short phrase.
"""

from __future__ import annotations

import re

import pytest

from claimdiff.extract.sentences import claims, sentences


def _id(text: str, words: int = 5) -> str:
    """A test id from the first words of a case."""
    return "-".join(re.findall(r"[\w.$'’]+", text)[:words]) or "blank"


def _sentence_texts(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text)]


def _claim_texts(text: str) -> list[str]:
    return [text[a:b] for a, b in claims(text, (0, len(text)))]


# (document text, the exact sentences it holds)
SENTENCES = [
    # abbreviations that do not end a sentence
    ("The U.S. official said the troops had arrived. Officials declined to comment further.",
     ["The U.S. official said the troops had arrived.", "Officials declined to comment further."]),
    ("The U.K. government summoned the Russian ambassador. A statement followed within hours.",
     ["The U.K. government summoned the Russian ambassador.", "A statement followed within hours."]),
    ("Fighting resumed in Oct. after a short lull. Losses on both sides were heavy.",
     ["Fighting resumed in Oct. after a short lull.", "Losses on both sides were heavy."]),
    ("Voters in most states go to the polls on Nov. 4 this year. Turnout is expected to be high.",
     ["Voters in most states go to the polls on Nov. 4 this year.", "Turnout is expected to be high."]),
    ("Gen. Oleksandr Syrskyi said the line was holding. He gave no casualty figures.",
     ["Gen. Oleksandr Syrskyi said the line was holding.", "He gave no casualty figures."]),
    ("Sen. Chris Murphy called the deployment alarming.",
     ["Sen. Chris Murphy called the deployment alarming."]),
    ("Dr. Amal Haddad, who runs the clinic, said 14 patients had arrived overnight.",
     ["Dr. Amal Haddad, who runs the clinic, said 14 patients had arrived overnight."]),
    ("Ukraine's No. 2 diplomat met his counterpart in Brussels. The meeting lasted an hour.",
     ["Ukraine's No. 2 diplomat met his counterpart in Brussels.", "The meeting lasted an hour."]),
    ("Protests spread from Moscow to St. Petersburg on Saturday. Police detained dozens.",
     ["Protests spread from Moscow to St. Petersburg on Saturday.", "Police detained dozens."]),
    ("Acme Defense Inc. said it would cut 300 jobs. Its shares fell 4 percent.",
     ["Acme Defense Inc. said it would cut 300 jobs.", "Its shares fell 4 percent."]),
    ("The first missile struck at 4:15 a.m. local time, officials said. Sirens sounded minutes later.",
     ["The first missile struck at 4:15 a.m. local time, officials said.", "Sirens sounded minutes later."]),
    ("The U.N. Security Council will meet at 10 a.m. on Friday.",
     ["The U.N. Security Council will meet at 10 a.m. on Friday."]),
    ("Lt. Col. Ivan Petrov said the unit had withdrawn. Mr. Petrov did not say where it went.",
     ["Lt. Col. Ivan Petrov said the unit had withdrawn.", "Mr. Petrov did not say where it went."]),
    ("The U.S. official said Gen. Smith met Oct. 4 with No. 2 officials. It cost $7.1 billion.",
     ["The U.S. official said Gen. Smith met Oct. 4 with No. 2 officials.", "It cost $7.1 billion."]),
    ("The aid was sent by the U.S. It arrived within days.",
     ["The aid was sent by the U.S.", "It arrived within days."]),
    # decimals
    ("Inflation rose 2.5 percent in September. Economists had expected less.",
     ["Inflation rose 2.5 percent in September.", "Economists had expected less."]),
    ("The package is worth $7.1 billion. Congress must still approve it.",
     ["The package is worth $7.1 billion.", "Congress must still approve it."]),
    ("A 6.8 magnitude earthquake struck off the coast. No tsunami warning was issued.",
     ["A 6.8 magnitude earthquake struck off the coast.", "No tsunami warning was issued."]),
    ("Prices rose 2.5 percent in Oct. after a 1.2 percent rise.",
     ["Prices rose 2.5 percent in Oct. after a 1.2 percent rise."]),
    ("The index closed at 4,512.75 points. Trading was light.",
     ["The index closed at 4,512.75 points.", "Trading was light."]),
    # quotations: one utterance is one sentence
    ('He said: "We will win. They will lose." Then he left.',
     ['He said: "We will win. They will lose."', "Then he left."]),
    ('"We are not going anywhere. This is our home," the mayor said. She then left the podium.',
     ['"We are not going anywhere. This is our home," the mayor said.', "She then left the podium."]),
    ('The minister said: "Talks will continue. Nothing is settled yet. We remain hopeful." '
     "Reporters were not allowed questions.",
     ['The minister said: "Talks will continue. Nothing is settled yet. We remain hopeful."',
      "Reporters were not allowed questions."]),
    ('Protesters chanted "Stop the war!" outside the embassy.',
     ['Protesters chanted "Stop the war!" outside the embassy.']),
    ('"Why now?" the senator asked. No one answered.',
     ['"Why now?" the senator asked.', "No one answered."]),
    # ellipses
    ("Negotiators said they were close to a deal... Then the talks collapsed.",
     ["Negotiators said they were close to a deal...", "Then the talks collapsed."]),
    ('"We will rebuild … whatever it takes," the mayor said.',
     ['"We will rebuild … whatever it takes," the mayor said.']),
    # question and exclamation marks
    ("Will the ceasefire hold? Few analysts think so.",
     ["Will the ceasefire hold?", "Few analysts think so."]),
    ("What happens next? Nobody knows! Officials are meeting tonight.",
     ["What happens next?", "Nobody knows!", "Officials are meeting tonight."]),
    # headlines and bylines are page furniture, not prose: no sentence; datelines stay in theirs
    ("North Korean troops reach the front\nBy Jane Doe and Tom Reyes\n"
     "SEOUL — The soldiers arrived in October. More are expected.",
     ["SEOUL — The soldiers arrived in October.", "More are expected."]),
    ("Kursk offensive: what we know so far\nBy A. Writer\n\nThe first line. The second line.",
     ["The first line.", "The second line."]),
    # a headline that ends as a sentence does is read as one
    ("Is the ceasefire over?\nBy Staff Reporter | Nov. 5, 2024\nShelling resumed at dawn.",
     ["Is the ceasefire over?", "Shelling resumed at dawn."]),
    ("Officials said the talks would resume\nThe next round is set for Geneva.",
     ["The next round is set for Geneva."]),
    ("KYIV, Ukraine (AP) — Russian drones struck the capital overnight. Two people were injured.",
     ["KYIV, Ukraine (AP) — Russian drones struck the capital overnight.", "Two people were injured."]),
    ("Live updates", []),
    # Markdown: headings are furniture too
    ("# Troops reach Kursk\n\n## Background\n\nThe deployment was confirmed on Monday.",
     ["The deployment was confirmed on Monday."]),
    ("- Shells were shipped in August.\n- Rockets followed in October.\n* Missiles came last.",
     ["Shells were shipped in August.", "Rockets followed in October.", "Missiles came last."]),
    ("1. The first convoy arrived.\n2. A second convoy followed.",
     ["The first convoy arrived.", "A second convoy followed."]),
    ("> The troops are here. They are ready.",
     ["The troops are here.", "They are ready."]),
    # paragraphs, white space, parentheses
    ("The first paragraph opens here. It has two sentences.\n\nThe second paragraph starts. It ends here.",
     ["The first paragraph opens here.", "It has two sentences.",
      "The second paragraph starts.", "It ends here."]),
    ("  The ceasefire held overnight.  \n\n   \n", ["The ceasefire held overnight."]),
    ("\n\n   \n", []),
    ("The unit withdrew (officials did not say why). It regrouped near Sudzha.",
     ["The unit withdrew (officials did not say why).", "It regrouped near Sudzha."]),
    ("Mr. Zelensky and Mrs. Harris met in Kyiv on Sept. 21. The visit was unannounced.",
     ["Mr. Zelensky and Mrs. Harris met in Kyiv on Sept. 21.", "The visit was unannounced."]),
    ("No. 10 Downing St. issued a statement on Tuesday.",
     ["No. 10 Downing St. issued a statement on Tuesday."]),
]


@pytest.mark.parametrize("text,expected", SENTENCES, ids=[_id(t) for t, _ in SENTENCES])
def test_sentences(text, expected):
    assert _sentence_texts(text) == expected


# (one sentence, the exact atomic claims it holds)
CLAIMS = [
    # compound sentences: split where the right-hand part is a clause of its own
    ("Some interpret it as a sign of strain in Moscow; Russian forces are gaining ground in the east.",
     ["Some interpret it as a sign of strain in Moscow", "Russian forces are gaining ground in the east."]),
    ("A number of them were killed, and the remainder could soon join the fighting.",
     ["A number of them were killed", "and the remainder could soon join the fighting."]),
    ("The army said the bridge was destroyed, but officials in Kyiv denied the claim.",
     ["The army said the bridge was destroyed", "but officials in Kyiv denied the claim."]),
    ("Russia claimed to have retaken three villages, while Ukraine said its forces were holding the line.",
     ["Russia claimed to have retaken three villages", "while Ukraine said its forces were holding the line."]),
    ("The soldiers trained in Primorsky Krai, where they were issued Russian uniforms.",
     ["The soldiers trained in Primorsky Krai", "where they were issued Russian uniforms."]),
    ("While Moscow did not confirm the deployment, Seoul said 10,000 troops had arrived.",
     ["While Moscow did not confirm the deployment", "Seoul said 10,000 troops had arrived."]),
    ("While the Kremlin denied the reports, officials in Pyongyang stayed silent.",
     ["While the Kremlin denied the reports", "officials in Pyongyang stayed silent."]),
    ("The talks were postponed; no new date was set; both sides blamed each other.",
     ["The talks were postponed", "no new date was set", "both sides blamed each other."]),
    ("Kim met Putin in June, and the two leaders signed a mutual defence pact.",
     ["Kim met Putin in June", "and the two leaders signed a mutual defence pact."]),
    ("The ministry did not comment, but a spokesman said an investigation was under way.",
     ["The ministry did not comment", "but a spokesman said an investigation was under way."]),
    # "..., he said, adding that X": two things said, the second one a claim of its own
    ('"We will not stop," Patel said, adding that the world had to act now.',
     ['"We will not stop," Patel said', "adding that the world had to act now."]),
    ("Zelensky said the clash had begun, urging allies to allow long-range strikes.",
     ["Zelensky said the clash had begun", "urging allies to allow long-range strikes."]),
    # near misses: no speech verb before the comma, or too little after it
    ("Officials worried that the drones were Iranian, adding to the threat to the city.",
     ["Officials worried that the drones were Iranian, adding to the threat to the city."]),
    ("He said the war would end soon, adding nothing more.",
     ["He said the war would end soon, adding nothing more."]),
    # "..., none of whom were injured": what is said of some of them is a claim of its own
    ("The ship was carrying a crew of 22, none of whom were injured.",
     ["The ship was carrying a crew of 22", "none of whom were injured."]),
    ("Rescuers found 40 people, most of whom had survived the night.",
     ["Rescuers found 40 people", "most of whom had survived the night."]),
    # lists and short phrases: one claim
    ("North Korea shipped artillery shells, rockets, and missiles to Russia.",
     ["North Korea shipped artillery shells, rockets, and missiles to Russia."]),
    ("Smith and Jones said the convoy had crossed the border.",
     ["Smith and Jones said the convoy had crossed the border."]),
    ("The convoy carried food, water, and medical supplies for the town.",
     ["The convoy carried food, water, and medical supplies for the town."]),
    ("The strike hit a school, a hospital and a market, officials said.",
     ["The strike hit a school, a hospital and a market, officials said."]),
    ("The statement was signed by the foreign ministers of France, Germany, and Poland.",
     ["The statement was signed by the foreign ministers of France, Germany, and Poland."]),
    ("Officials in Washington, London, and Paris condemned the launch.",
     ["Officials in Washington, London, and Paris condemned the launch."]),
    ("The package includes air defence systems, armoured vehicles, and drones that were built in Ohio.",
     ["The package includes air defence systems, armoured vehicles, and drones that were built in Ohio."]),
    ("Troops, tanks, and artillery were moved to the border.",
     ["Troops, tanks, and artillery were moved to the border."]),
    ("The offensive was slow, and costly.",
     ["The offensive was slow, and costly."]),
    ("The attack on the depot was brief, but deadly.",
     ["The attack on the depot was brief, but deadly."]),
    ("The unit (which lost 200 men, and whose commander was killed) withdrew to Kursk.",
     ["The unit (which lost 200 men, and whose commander was killed) withdrew to Kursk."]),
]


@pytest.mark.parametrize("text,expected", CLAIMS, ids=[_id(t) for t, _ in CLAIMS])
def test_claims(text, expected):
    assert _claim_texts(text) == expected


def test_a_long_line_is_cut_between_sentences_only():
    """A report with no line breaks (some saved pages are one line) is cut into pieces for the
    sentence splitter, whose time grows with the square of a line; the pieces end where
    sentences end, so the sentences are those of the same text with its line breaks."""
    from claimdiff.extract.sentences import MAX_CHUNK

    body = [
        "Officials said on Tuesday that more than 10,000 troops had crossed the border.",
        "The U.S. State Department spokesman, Mr. Patel, declined to comment.",
        "Gen. Syrskyi told reporters the units were \"fully engaged\" near the village.",
        "About 11,000 soldiers are in the region, according to Kyiv.",
    ]
    # each one its own (a line said again word for word holds no sentence)
    sentences_ = [f"In report {i}, {body[i % len(body)]}" for i in range(200)]
    one_line = " ".join(sentences_)
    assert len(one_line) > 5 * MAX_CHUNK
    broken = "\n".join(sentences_)
    read = [one_line[a:b] for a, b in sentences(one_line)]
    assert read == [broken[a:b] for a, b in sentences(broken)]
    assert len(read) == 200


def test_a_contrasting_clause_is_a_claim_of_its_own_and_not_said_by_the_first_source():
    """"The CGT said 2 million marched, whereas the ministry put the count at 1.12 million": two
    claims, and the ministry's is not the union's to say (a verb the list of forms lacks, "put",
    is one because the parse says so)."""
    from conftest import claim_in

    text = ("The CGT said more than two million people had marched in the processions, whereas the Ministry "
            "of the Interior put the count at 1.12 million demonstrators.")
    union, ministry = claim_in(text, "two million"), claim_in(text, "1.12 million")
    assert union.id != ministry.id
    assert union.attribution.source == "The CGT"
    assert ministry.attribution.source == "the Ministry of the Interior"
    other = claim_in("The CGT claimed that more than two million people had marched, whereas the Interior "
                     "Ministry's count was 1.12 million demonstrators.", "1.12 million")
    assert other.attribution.source is None
    # a frame after both still covers the second
    late = claim_in("More than two million people had marched, whereas the ministry counted 1.12 million, "
                    "officials said.", "1.12 million")
    assert late.attribution.source == "officials"


FURNITURE = [
    # (line, page furniture?) -- captions, credits, prompts and links to other stories
    ("Photo caption: Rescuers search the rubble of a collapsed house in Derna on Tuesday.", True),
    ("Image caption, The ship is wedged under the fallen span", True),
    ("Media caption,", True),
    ("Image source, Getty Images", True),
    ("Rescuers search the rubble in Derna on Tuesday. (AP Photo/Jane Roe)", True),
    ("Flooded streets in Marj, Libya, on Monday. REUTERS/Esam Omran", True),
    ("Read more: Libya floods wipe out a quarter of the city", True),
    ("READ MORE", True),
    ("Also read: What we know about the dams", True),
    ("Related: Fed holds rates steady", True),
    ("Sign up for our morning newsletter.", True),
    ("Advertisement", True),
    ("Copyright 2024 The Associated Press. All rights reserved.", True),
    ("(Reporting by Jane Roe in Cairo; Editing by Tom Doe)", True),
    ("Updated: 13 September 2023, 10:02 GMT", True),
    # headlines, subheads, bylines, datelines and menu entries: short, not ended as a sentence
    ("Six presumed dead after ship destroys major US bridge", True),
    ("BIGGER DISASTER AVERTED", True),
    ("**Israel says the raids are over**", True),
    ("By Dana Whitcombe and Rhys Tolland", True),
    ("March 27, 2024", True),
    ("Death toll: 2,000", True),
    # prose: a sentence's end, or a paragraph's length, or a list item
    ("There was no evidence of foul play, officials said.", False),
    ('"We will rebuild," the mayor said.', False),
    ("Is the ceasefire over?", False),
    ("He said:", False),
    ("*Hundreds of people have died in the outbreak now under way.*", False),
    ("By 11 votes to 1, policymakers backed cutting the main lending rate to 4.75%-5.00%, the Fed announced", False),
    ("• Core CPI, which leaves out food and energy, increased 5.9%", False),
    ("- Two were rescued", False),
    ("1. The first convoy arrived", False),
    # a caption-like word inside prose is not a caption
    ("The photo caption was changed after readers complained, the editor said.", False),
    ("Readers wrote in their thousands.", False),
    ("Copyright lawsuits against the firm were filed in New York, the court said.", False),
    ("Recommended doses were cut by half, the ministry said.", False),
    ("Reporting by the paper showed the toll was higher.", False),
]


@pytest.mark.parametrize("line,furniture", FURNITURE, ids=[_id(t) for t, _ in FURNITURE])
def test_page_furniture_holds_no_sentence(line, furniture):
    from claimdiff.extract.sentences import is_furniture

    assert is_furniture(line) is furniture
    text = f"The bridge fell at night.\n{line}\nSix workers are missing."
    read = [text[a:b] for a, b in sentences(text)]
    assert read[0] == "The bridge fell at night." and read[-1] == "Six workers are missing."
    assert (len(read) == 2) is furniture


def test_a_line_said_again_word_for_word_holds_no_sentence_the_second_time():
    text = ("10,000 missing and thousands feared dead in Libyan floods.\n"
            "Rescuers dug through the mud on Tuesday.\n"
            "10,000  missing and thousands feared dead in Libyan floods.\n"
            "Rescuers dug through the mud on Tuesday, officials said.\n")
    read = [text[a:b] for a, b in sentences(text)]
    assert read == ["10,000 missing and thousands feared dead in Libyan floods.", "Rescuers dug through the mud on Tuesday.",
                    "Rescuers dug through the mud on Tuesday, officials said."]


def test_text_wrapped_at_a_fixed_width_is_read_as_its_paragraphs():
    """A wire's plain copy wraps its paragraphs at some 60 characters: a line that does not end
    as a sentence ends, followed by one in lower case, is one paragraph with it."""
    text = ("By A. Writer\n"
            "WASHINGTON (Wire) - The Federal Reserve cut\n"
            "interest rates by half a point on Wednesday,\n"
            "kicking off an easing of policy.\n"
            "Policymakers see another cut\n"
            "by the end of the year.\n"
            "Fed Governor dissents\n"
            "Markets rose.\n"
            "A judge set the sentencing for\n"
            "March 28, 2024.\n")
    read = [" ".join(text[a:b].split()) for a, b in sentences(text)]
    assert read == ["WASHINGTON (Wire) - The Federal Reserve cut interest rates by half a point on Wednesday, "
                    "kicking off an easing of policy.",
                    "Policymakers see another cut by the end of the year.", "Markets rose.",
                    "A judge set the sentencing for March 28, 2024."]
    # the spans are the document's own characters, line breaks and all
    assert all(text[a:b].strip() == text[a:b] for a, b in sentences(text))
