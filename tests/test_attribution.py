"""Who a claim is credited to: ``Claim.attribution`` as read by ``extract``.

Each case is a short news text, a substring that selects one claim in it, and the
attribution a careful news editor would give that claim:

- ``source``: a substring of the source as named in the text (compared case-insensitively,
  so "the Pentagon" and "Pentagon" both pass), or None when the claim is credited to no one;
- ``name``: the person named as the source, or None (an outlet or an office is not a person);
- ``anonymous``: the source is not named ("a senior U.S. official", "officials", "two people
  familiar with the matter", "the U.S. official" later in a story);
- ``via``: the second-hand channel the claim came through ("according to The New York Times"
  beside an official), or None.
"""

from __future__ import annotations


import pytest

from conftest import case_id as _id, claim_in as _claim


def case(text, needle, source, name, anonymous, via):
    return pytest.param(text, needle, source, name, anonymous, via, id=_id(text))


ATTRIBUTIONS = [
    # --- the tail of a quotation says when or who, and the speaker is still credited --------------------
    case('"We cannot have growth with high inflation," Hunt said once the figures were out.', "growth", "Hunt", "Hunt",
         False, None),
    case('"We want to shut down parliament," said one protester who was trying to get inside.', "shut down",
         "one protester", None, True, None),
    # the frame starts at the parse's subject: the clause before it is the claim
    case("In St. Lucie County, four people died, county spokesperson Erick Gill said.", "four people died",
         "county spokesperson Erick Gill", "Erick Gill", False, None),
    # a verb in a relative clause credits no one
    case("Protesters carried banners that said the war must end.", "carried banners", None, None, False, None),
    # "... and said X": X is a second thing said, credited to the same speaker
    case("Joe Biden told reporters Israel gave him notice and said it looked like they hit only military targets.",
         "military targets", "Joe Biden", "Joe Biden", False, None),
    # --- "added" and "puts" are verbs of speech only before what was said ------------------------------
    case("American employers added 254,000 jobs in September, the Bureau of Labor Statistics said on Friday, "
         "a far stronger month than Wall Street expected.", "254,000 jobs", "the Bureau of Labor Statistics", None,
         False, None),
    case("Retailers added 30,000 workers last month.", "30,000 workers", None, None, False, None),
    # a figure credited to a poll or a projection of a named body: named, not anonymous
    case("An exit poll by Ipsos had forecast 410 seats for Labour.", "410 seats", "An exit poll by Ipsos", "Ipsos", False,
         None),
    case("Labour won around 34 per cent of the vote, according to a Sky News projection.", "34 per cent",
         "a Sky News projection", None, False, None),
    case("Ukrainian intelligence puts the contingent at about 11,000 soldiers.", "11,000", "Ukrainian intelligence",
         None, False, None),
    # --- "according to X": at the start, in the middle, at the end -----------------------------------
    case("According to the Ukrainian General Staff, Russian forces lost 1,250 soldiers in the past day.",
         "lost 1,250 soldiers", "Ukrainian General Staff", None, False, None),
    case("According to a senior Ukrainian official and a senior U.S. official, North Korean troops have "
         "clashed with Ukrainian forces in the Kursk region.",
         "clashed with Ukrainian forces", "senior Ukrainian official", None, True, None),
    case("Flood waters, according to the regional governor, have reached the second floor of the town hall.",
         "Flood waters", "regional governor", None, False, None),
    case("The automaker, according to chief executive Mary Barra, will cut production of electric trucks.",
         "cut production of electric trucks", "Mary Barra", "Mary Barra", False, None),
    case("Inflation slowed to 2.4 percent in September, according to the Bureau of Labor Statistics.",
         "Inflation slowed", "Bureau of Labor Statistics", None, False, None),
    case("The ceasefire will take effect at midnight, according to Egyptian Foreign Minister Badr Abdelatty.",
         "ceasefire will take effect", "Badr Abdelatty", "Badr Abdelatty", False, None),
    # --- "X said", "X said on Tuesday", "..., X said." -----------------------------------------------
    case("Maria Lopez said the shelter had run out of drinking water by Sunday morning.",
         "run out of drinking water", "Maria Lopez", "Maria Lopez", False, None),
    case("Fire Chief Daniel Reyes said on Tuesday that the blaze was 40 percent contained.",
         "blaze was 40 percent contained", "Daniel Reyes", "Daniel Reyes", False, None),
    case("The bridge will remain closed until engineers finish their inspection, the transport ministry said.",
         "bridge will remain closed", "transport ministry", None, False, None),
    case("The strike killed at least 12 people, the Gaza health ministry said on Tuesday.",
         "strike killed at least 12 people", "Gaza health ministry", None, False, None),
    case("The report said the dam had not been inspected since 2015.",
         "dam had not been inspected", "report", None, False, None),
    case("The minister's resignation, the opposition said, came far too late.",
         "came far too late", "opposition", None, False, None),
    # --- "..., said X, a spokesperson for Y." and "X, a spokeswoman for Y, said ..." ----------------
    case("Rescue teams pulled 14 survivors from the rubble overnight, said Carlos Mendes, a spokesperson "
         "for the civil defence agency.",
         "14 survivors", "Carlos Mendes", "Carlos Mendes", False, None),
    case("Sarah Kim, a spokeswoman for the airline, said the flight was diverted to Anchorage.",
         "diverted to Anchorage", "Sarah Kim", "Sarah Kim", False, None),
    # --- "told reporters", "confirmed", "stated that", "stated X to Y at a briefing" ---------------
    case("Defense Secretary Lloyd Austin told reporters that the shipment would arrive within weeks.",
         "shipment would arrive", "Lloyd Austin", "Lloyd Austin", False, None),
    case("The Pentagon confirmed that two service members were injured in the drone strike.",
         "two service members", "Pentagon", None, False, None),
    case("Governor Kathy Hochul stated that the state would cover the cost of emergency repairs.",
         "cost of emergency repairs", "Kathy Hochul", "Kathy Hochul", False, None),
    case("“We expect the first convoys to cross on Friday,” stated U.N. humanitarian spokesperson Jens Laerke "
         "to reporters at a briefing in Geneva.",
         "first convoys to cross", "Jens Laerke", "Jens Laerke", False, None),
    # --- inverted quotations: "“...,” said X." ----------------------------------------------------------
    case("“The dam is holding for now,” said Mayor Ana Silva.",
         "dam is holding", "Ana Silva", "Ana Silva", False, None),
    case("“Our reserves will last until March, but not beyond,” said Ahmed Karim, the head of the grain board.",
         "reserves will last until March", "Ahmed Karim", "Ahmed Karim", False, None),
    # --- a name and a role ------------------------------------------------------------------------------
    case("State Department spokesperson Vedant Patel said Washington had seen no sign of a withdrawal.",
         "no sign of a withdrawal", "Vedant Patel", "Vedant Patel", False, None),
    case("Ukrainian President Volodymyr Zelensky said the front line near Pokrovsk was holding.",
         "front line near Pokrovsk", "Volodymyr Zelensky", "Volodymyr Zelensky", False, None),
    case("Pentagon press secretary Sabrina Singh told reporters the troops were moving toward the border.",
         "troops were moving toward the border", "Sabrina Singh", "Sabrina Singh", False, None),
    case("The talks made no progress, the Kremlin's spokesman, Dmitry Peskov, said on Thursday.",
         "talks made no progress", "Dmitry Peskov", "Dmitry Peskov", False, None),
    # --- anonymous sources -------------------------------------------------------------------------------
    case("A senior U.S. official said the missiles were launched from the Crimean peninsula.",
         "missiles were launched", "senior U.S. official", None, True, None),
    case("Officials said the evacuation order covered about 30,000 residents.",
         "evacuation order covered", "officials", None, True, None),
    case("Voters in Georgia waited up to three hours to cast ballots, election officials said.",
         "waited up to three hours", "election officials", None, True, None),
    case("The company is preparing to cut about 2,000 jobs, according to two people familiar with the matter.",
         "cut about 2,000 jobs", "two people familiar with the matter", None, True, None),
    case("The convoy was struck shortly after it crossed the border, an official who spoke on condition of "
         "anonymity said.",
         "convoy was struck", "official", None, True, None),
    case("The Ukrainian commander stated [anonymously] that the brigade had lost contact with two companies.",
         "lost contact with two companies", "Ukrainian commander", None, True, None),
    case("Negotiators are close to a deal on grain exports, said a European diplomat who asked not to be named.",
         "close to a deal on grain exports", "European diplomat", None, True, None),
    case("An intelligence official, who asked not to be identified, said the drones were assembled in Iran.",
         "drones were assembled in Iran", "intelligence official", None, True, None),
    case("U.S. officials have stated they have found no evidence of a direct payment.",
         "no evidence of a direct payment", "U.S. officials", None, True, None),
    case("Police said the suspect, a 34-year-old man, was arrested at his home.",
         "was arrested at his home", "police", None, False, None),
    # --- second-hand: an outlet beside a source, and an outlet alone --------------------------------------
    case("The U.S. official confirmed that dozens of soldiers were killed, according to The New York Times.",
         "dozens of soldiers were killed", "U.S. official", None, True, "The New York Times"),
    case("According to The Washington Post, the Pentagon confirmed that the drone was shot down over the Red Sea.",
         "drone was shot down", "Pentagon", None, False, "The Washington Post"),
    case("The hostages were moved to a tunnel in Rafah, a senior Israeli official told The Wall Street Journal.",
         "moved to a tunnel in Rafah", "senior Israeli official", None, True, "The Wall Street Journal"),
    case("Russian forces have withdrawn from two villages near Kupiansk, Reuters reported.",
         "withdrawn from two villages", "Reuters", None, False, None),
    case("The central bank will raise rates by half a point next week, according to Bloomberg.",
         "raise rates by half a point", "Bloomberg", None, False, None),
    # --- reported speech carried across sentences ---------------------------------------------------------
    case("Ukrainian President Volodymyr Zelensky urged allies to speed up air defence deliveries. "
         "He emphasized, “Every day of delay costs lives.”",
         "Every day of delay", "Volodymyr Zelensky", "Volodymyr Zelensky", False, None),
    case("Health Minister Lina Haddad said hospitals in the north were overwhelmed. "
         "“We are treating patients in the corridors.”",
         "treating patients in the corridors", "Lina Haddad", "Lina Haddad", False, None),
    case("Prosecutor Helen Marsh told the jury the defendant had moved the money abroad. "
         "She added that the accounts were opened under false names.",
         "accounts were opened under false names", "Helen Marsh", "Helen Marsh", False, None),
    case("A police official said the attacker had acted alone. “There is no wider threat to the public.”",
         "no wider threat", "police official", None, True, None),
    # --- no source at all: the speaker does not carry on, and "said" in other senses invents none --------
    case("Mayor Ana Silva said the school would reopen on Monday. Heavy rain is forecast for the weekend.",
         "Heavy rain is forecast", None, None, False, None),
    case("The earthquake struck at 3:12 a.m. local time at a depth of 10 kilometers.",
         "earthquake struck", None, None, False, None),
    case("The Supreme Court agreed on Monday to hear the case next term.",
         "hear the case next term", None, None, False, None),
    case("A court in Paris sentenced the former minister to two years in prison on Wednesday.",
         "sentenced the former minister", None, None, False, None),
    # a body of people none of whom is named is an unnamed source
    case("Prosecutors said he took billions of dollars from customers.", "took billions", "Prosecutors", None, True,
         None),
    case("His legal team said in a statement that it respected the jury's decision.", "respected the jury",
         "His legal team", None, True, None),
    case("His lawyer, Mark Cohen, said the defence respects the jury's decision.", "respects the jury",
         "Mark Cohen", "Mark Cohen", False, None),
    # an inverted tail whose "source" holds a verb is what was said, not who said it
    case("Maryland's governor, Wes Moore, said the crew's mayday gave authorities time to stop traffic.",
         "mayday gave", "Wes Moore", "Wes Moore", False, None),
    # "..., state police said.": "state" is no verb of speech here, and "police said" no source
    case("Divers recovered the bodies of two workers from a submerged pickup truck, state police said.",
         "Divers recovered", "state police", None, False, None),
    case("President Joe Biden pledged that the federal government would pay for the reconstruction.",
         "would pay", "Joe Biden", "Joe Biden", False, None),
    case("The country vowed to rebuild the bridge within a year.", "rebuild the bridge", None, None, False, None),
    # "X, citing Y": X passes on what Y told it; Y is the source, X the channel
    case("Among the injured, 205 are in critical condition, according to state television, citing the Interior "
         "Ministry.", "critical condition", "the Interior Ministry", None, False, "state television"),
    case("Iranian state media said, citing the army, that two soldiers were killed in the strikes.",
         "two soldiers", "the army", None, False, "Iranian state media"),
    case("Two soldiers were killed, the agency reported, quoting a military spokesman.", "Two soldiers",
         "a military spokesman", None, True, "the agency"),
    # a reporting verb in a clause of time or reason credits that clause, not the claim before it
    case("Israel hit back at Iran early on Saturday, saying its military was striking military targets, as Iranian "
         "media reported multiple explosions.", "hit back", None, None, False, None),
    case("Iranian media reported multiple explosions as Israel struck military targets.", "multiple explosions",
         "Iranian media", None, False, None),
    # "state" before a noun is an adjective, not a verb of speech
    case("Iranian state media said several explosions were heard near Tehran.", "explosions", "Iranian state media",
         None, False, None),
    # what a speaker cites as grounds ("citing the weather") is no source
    case("The airline cancelled 40 flights, citing the storm.", "40 flights", None, None, False, None),
    # testifying in one's defence is an act, not what was said; a clause is not a source
    case("Bankman-Fried testified in his own defense over three days.", "own defense", None, None, False, None),
    case("The verdict closes a trial in which prosecutors said he siphoned billions.", "siphoned", None, None, False,
         None),
    # a record speaks ("results showed"); a share that "showed a fall" does not
    case("Labour was on course for a landslide victory, results showed early on Friday.",
         "landslide victory", "results", None, False, None),
    case("Labour's share showed a fall of two points on the last election.",
         "fall of two points", None, None, False, None),
    case("That said, the economy grew faster than expected in the third quarter.",
         "economy grew faster", None, None, False, None),
    case("Needless to say, the markets reacted badly to the news.",
         "markets reacted badly", None, None, False, None),
    case("Protesters carried banners that said “No more war” through the city centre.",
         "Protesters carried banners", None, None, False, None),
    case("Exports to China fell 8 percent, the sharpest drop since 2020.",
         "Exports to China fell", None, None, False, None),
    # --- a clause that is itself a report has its own source, read from the parse ----------------------
    # "..., X said, and Y said Z": Z is Y's, not X's
    case("The jet had left from Sapporo, an airline spokesperson said, and the coast guard said its plane had "
         "been on its way to Niigata.", "on its way to Niigata", "the coast guard", None, False, None),
    case("The jet had left from Sapporo, an airline spokesperson said, and the coast guard said its plane had "
         "been on its way to Niigata.", "left from Sapporo", "an airline spokesperson", None, True, None),
    # a frame at the end after a relative clause: the source starts after the clause's comma
    case("The jet had set off from Shin Chitose Airport, which serves the city of Sapporo, the transport "
         "minister said.", "set off from", "the transport minister", None, False, None),
    # the source without the clause about it
    case("Tamer Ramadan, who heads a delegation of the Red Cross in the country, said the death toll was huge.",
         "death toll was huge", "Tamer Ramadan", "Tamer Ramadan", False, None),
    case("A senior official, who asked not to be named because of the subject, said the troops had moved.",
         "troops had moved", "A senior official", None, True, None),
    case("Ukraine's defense minister, Rustem Umerov, separately told a broadcaster that the first clashes had "
         "already taken place.", "first clashes", "Rustem Umerov", "Rustem Umerov", False, None),
    # "Citing X, Y say": X's word, through Y
    case("Citing the interior ministry, the state-run media say at least 2,012 people died in the quake.",
         "2,012 people died", "the interior ministry", None, False, "the state-run media"),
    # a reckoning is no one's word: the clause stays with the speaker before it
    case("He noted that 7 million deaths had been reported, but estimates suggest the real number is far higher.",
         "real number", "He", "He", False, None),
    # an outlet's report of what someone said: that person's word, through the outlet
    case("Earlier, coast guard spokesperson Yoshinori Yanagishima said the pilot had got out and reached "
         "officials, the Associated Press reported.", "pilot had got out", "Yoshinori Yanagishima",
         "Yoshinori Yanagishima", False, "the Associated Press"),
    case("The pilot had got out and reached officials, the Associated Press reported.", "pilot had got out",
         "the Associated Press", None, False, None),
    # "X said ..., according to <outlet>": X's word, through the outlet, whatever the outlet's name
    case("A senior executive at the company said they were presumed dead due to the depth of the water, according "
         "to the Press Association.", "presumed dead", "A senior executive at the company", None, True,
         "the Press Association"),
    case("Officials said the troops crossed the border, according to the Moscow Times.", "crossed the border",
         "Officials", None, True, "the Moscow Times"),
    case("The troops crossed the border on Monday, according to Kyodo News.", "crossed the border",
         "Kyodo News", None, False, None),
    # "he said" inside a sentence about a person named before it: that person, not the last speaker
    # a subject the tagger reads as a common noun, not named before: "he" is no one
    case("Andrii Kovalenko said: \"The first troops have been shelled.\" Zelenskyy, in his nightly address, thanked "
         "allies who, he said, had reacted to the dispatch of troops.", "thanked allies", "he", None,
         False, None),
    case("President Volodymyr Zelenskyy said the clash opened a new page. Andrii Kovalenko said: \"The first troops "
         "have been shelled.\" Zelenskyy thanked allies who, he said, had reacted to the dispatch.", "thanked allies",
         "Zelenskyy", "Zelenskyy", False, None),
    # a frame at the end that no pattern knows ("services" in lower case): the parse's subject
    case("Deaths from the floods have risen to at least 158, the country's emergency rescue services said "
         "on Thursday.", "risen to at least 158", "the country's emergency rescue services", None, False, None),
    # "put" after a comma takes what is put, no speaker: "put Lai on 41 percent" credits the
    # figures, not Lai
    case("Figures from the election commission, still being finalised as the victory speeches were delivered, put "
         "Lai on 41 percent of the popular vote.", "41 percent", "Figures from the election commission", None, False,
         None),
    # an outlet that cites its own earlier report credits no one but itself: no source
    case("---\noutlet: Apricot Valley Bulletin\n---\nApricot Valley Bulletin reported earlier that a helicopter "
         "crash on Sunday had killed the president.", "helicopter crash", None, None, False, None),
    # "she" after a sentence that names another person is not resolved to the last speaker
    case("Joseph Bankman said the family was shaken. The trial turned on the testimony of Caroline Ellison, his "
         "former girlfriend. She testified that he had directed her to commit the crimes.", "directed her",
         "She", "She", False, None),
    case("Joseph Bankman said the family was shaken. He added that they would appeal.", "would appeal",
         "Joseph Bankman", "Joseph Bankman", False, None),
]


@pytest.mark.parametrize("text,needle,source,name,anonymous,via", ATTRIBUTIONS)
def test_attribution(text, needle, source, name, anonymous, via):
    a = _claim(text, needle).attribution
    got = (a.source, a.name, a.anonymous, a.via)
    if source is None:
        assert a.source is None, got
    else:
        assert a.source is not None and source.lower() in a.source.lower(), got
    assert a.name == name, got
    assert a.anonymous is anonymous, got
    assert a.via == via, got


def role_case(text, needle, role, organisation):
    return pytest.param(text, needle, role, organisation, id=_id(text))


# both compared as substrings, case-insensitively: "secretary" passes "press secretary",
# "Defence Ministry" passes "Russian Defence Ministry".
ROLES = [
    role_case("State Department spokesperson Vedant Patel said Washington had seen no sign of a withdrawal.",
              "no sign of a withdrawal", "spokesperson", "State Department"),
    role_case("Ukrainian President Volodymyr Zelensky said the front line near Pokrovsk was holding.",
              "front line near Pokrovsk", "president", None),
    role_case("Pentagon press secretary Sabrina Singh told reporters the troops were moving toward the border.",
              "troops were moving toward the border", "secretary", "Pentagon"),
    role_case("The talks made no progress, the Kremlin's spokesman, Dmitry Peskov, said on Thursday.",
              "talks made no progress", "spokesman", "Kremlin"),
    role_case("Russian Defence Ministry spokesman Igor Konashenkov said air defences destroyed 30 drones overnight.",
              "destroyed 30 drones", "spokesman", "Defence Ministry"),
    role_case("A senior U.S. official said the missiles were launched from the Crimean peninsula.",
              "missiles were launched", "official", None),
    role_case("White House spokesman John Kirby said the aid package would be announced this week.",
              "aid package would be announced", "spokesman", "White House"),
]


@pytest.mark.parametrize("text,needle,role,organisation", ROLES)
def test_role_and_organisation(text, needle, role, organisation):
    a = _claim(text, needle).attribution
    got = (a.role, a.organisation)
    assert a.role is not None and role in a.role.lower(), got
    if organisation is None:
        assert a.organisation is None, got
    else:
        assert a.organisation is not None and organisation.lower() in a.organisation.lower(), got


def test_a_lead_phrase_does_not_turn_the_claim_into_a_tail_frame():
    """"In a statement, the ministry said the bridge had collapsed": the frame is the lead
    ("In a statement, the ministry said"), and what was said stays the claim's content."""
    for text in ("In a statement, the ministry said the bridge had collapsed.",
                 "On Tuesday, the ministry said the bridge had collapsed on Monday.",
                 "In a statement, the ministry said the bridge collapsed."):
        c = _claim(text, "bridge")
        assert c.attribution.source == "the ministry", text
        assert c.content.startswith("the bridge"), c.content
    # a tail that says when and where stays a tail
    for text in ("The bridge collapsed, the ministry said in a statement on Tuesday.",
                 "The bridge collapsed, the ministry said this week.",
                 "The bridge collapsed, the ministry said the day before."):
        c = _claim(text, "bridge collapsed")
        assert (c.attribution.source, c.content) == ("the ministry", "The bridge collapsed"), text


def test_where_and_when_of_the_saying_are_no_part_of_the_claim():
    for text, content in [
        ("His legal team said in a statement that it respected the jury's decision.", "it respected the jury's decision"),
        ("The minister told reporters on Friday that the bridge would reopen.", "the bridge would reopen"),
        ("Starmer told supporters at a victory rally in central London that change would begin immediately.",
         "change would begin immediately"),
        ("He told the jury he had made mistakes.", "he had made mistakes"),
    ]:
        assert _claim(text, content.split()[1]).content == content, text
