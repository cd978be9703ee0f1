"""How sure a claim is, and whether it is denied: ``Claim.certainty`` and ``Claim.negated``.

Each case is a short news text, a substring that selects one claim in it, and what a
careful news editor would read:

- ``certainty``: ``asserted`` (said flatly), ``confirmed`` ("confirmed", "verified"),
  ``hedged`` ("reportedly", "may", "is said to", "likely") or ``unconfirmed`` ("could not
  be independently confirmed", "did not say whether", "declined to comment");
- ``negated``: the claim says something did not happen or is not so ("have not engaged",
  "no evidence of", "denied", "never"). The "not" of an unconfirmed phrase ("could not be
  confirmed", "did not say whether any were killed") denies nothing, and neither does
  "not only ... but also" or "did not rule out".
"""

from __future__ import annotations


import pytest

from conftest import case_id as _id, claim_in as _claim


def case(text, needle, certainty, negated):
    return pytest.param(text, needle, certainty, negated, id=_id(text))


STANCES = [
    # --- asserted: plain statements ---------------------------------------------------------------------
    case("The storm made landfall near Tampa early on Thursday.", "made landfall", "asserted", False),
    case("The central bank raised its key rate to 5.25 percent.", "raised its key rate", "asserted", False),
    # what is about to happen is not yet so
    case("Keir Starmer was set to become prime minister later in the day.", "set to become", "hedged", False),
    case("Labour was on course for a landslide victory, results showed.", "on course", "hedged", False),
    # a modal in an aside about a noun does not hedge the claim
    case("The Bab al-Hawa crossing, the only route the UN may use to bring aid in, remains closed.", "remains closed",
         "asserted", False),
    case("The dam, which may have been hit by shelling, burst on Tuesday.", "burst on Tuesday", "asserted", False),
    case("Rescuers found 23 bodies in the collapsed building, the fire service said.",
         "found 23 bodies", "asserted", False),
    case("The government raised fuel prices in May after the subsidy expired.",
         "raised fuel prices", "asserted", False),
    # --- confirmed ----------------------------------------------------------------------------------------
    case("The Pentagon confirmed that two service members were wounded in the attack.",
         "two service members", "confirmed", False),
    case("Investigators verified that the footage was filmed in Kherson.", "footage was filmed", "confirmed", False),
    case("The health ministry confirmed 42 new cases of cholera on Friday.", "42 new cases", "confirmed", False),
    case("The death toll has been independently verified by the United Nations.",
         "death toll has been", "confirmed", False),
    # --- hedged -------------------------------------------------------------------------------------------
    case("The suspect reportedly fled across the border into Mexico.", "fled across the border", "hedged", False),
    case("The senator allegedly accepted $500,000 in bribes from a construction firm.",
         "accepted $500,000", "hedged", False),
    case("The attack seemed to be aimed at the power grid.", "aimed at the power grid", "hedged", False),
    case("The virus appears to be spreading faster among children.", "spreading faster", "hedged", False),
    case("The raid looked like an attempt to probe the defences for weak points.", "probe the defences", "hedged",
         False),
    case("Sentencing is tentatively scheduled for March 28.", "scheduled for March 28", "hedged", False),
    case("The vote has been provisionally set for June.", "set for June", "hedged", False),
    # an appearance verb that is not "like" hedges nothing
    case("Investigators looked into the cause of the fire for three weeks.", "cause of the fire", "asserted", False),
    case("The fighting could spread to neighbouring provinces within days.", "spread to neighbouring", "hedged",
         False),
    case("Food prices may rise further in the coming months.", "rise further", "hedged", False),
    case("The vote might be delayed until after the holidays.", "delayed until after", "hedged", False),
    case("The general is said to have fled to Belarus with his family.", "fled to Belarus", "hedged", False),
    case("Dozens of fighters are believed to be trapped inside the steel plant.", "trapped inside", "hedged", False),
    case("The central bank will likely cut rates again in December.", "cut rates again", "hedged", False),
    case("The drone was probably launched from a ship in the Black Sea.", "launched from a ship", "hedged", False),
    # a modal on what one is exposed to states the range of a penalty, it does not doubt it:
    # "could face up to 10 years" is "faces up to 10 years" (real coverage of a verdict gave a
    # certainty shift between the two); a modal on another verb still hedges
    case("The former mayor could face up to 10 years in prison if convicted.", "face up to 10 years", "asserted",
         False),
    case("The sentence he faces could range from probation to four years.", "range from probation", "asserted",
         False),
    case("The charge could carry a maximum of ten years.", "carry a maximum", "asserted", False),
    case("The former mayor could resign before the trial.", "resign before the trial", "hedged", False),
    case("The minister did not rule out further rate rises this year.", "further rate rises", "hedged", False),
    # --- unconfirmed --------------------------------------------------------------------------------------
    case("Ukraine said it shot down 40 drones overnight, a claim that could not be independently confirmed.",
         "shot down 40 drones", "unconfirmed", False),
    case("The footage could not be verified by Reuters.", "footage could not be verified", "unconfirmed", False),
    case("The army did not say whether any soldiers were killed in the strike.",
         "any soldiers were killed", "unconfirmed", False),
    case("A spokesman for the company declined to comment on the planned layoffs.",
         "planned layoffs", "unconfirmed", False),
    case("It remains unclear who ordered the strike on the convoy.", "who ordered the strike", "unconfirmed", False),
    case("Police did not provide details about the suspect's motive.", "suspect's motive", "unconfirmed", False),
    case("The cause of the fire was not immediately known.", "cause of the fire", "unconfirmed", False),
    # an open question: what the clause asks is not known, and nothing is negated
    case("Investigators have not determined what caused the fire.", "caused the fire", "unconfirmed", False),
    case("Investigators have not said what caused the failure.", "caused the failure", "unconfirmed", False),
    case("The coroner has not yet established how the men died.", "how the men died", "unconfirmed", False),
    # not an open question: a denial of the act itself
    case("Investigators have not found the bodies of the two divers.", "bodies of the two divers", "asserted", True),
    case("It was not clear how many people were inside the building when it collapsed.",
         "how many people were inside", "unconfirmed", False),
    case("It is not yet known how many homes were destroyed by the fire.",
         "how many homes were destroyed", "unconfirmed", False),
    case("Authorities have not confirmed the death toll from the landslide.",
         "death toll from the landslide", "unconfirmed", False),
    case("The video, which shows soldiers surrendering, has not been verified.",
         "soldiers surrendering", "unconfirmed", False),
    case("The attack killed at least 15 people, officials said, though the figure could not be verified.",
         "the figure could not be verified", "unconfirmed", False),
    # --- negated ------------------------------------------------------------------------------------------
    case("Most of the troops have not engaged in combat so far.", "have not engaged", "asserted", True),
    case("The withdrawal of foreign forces has not begun, the ministry said.", "has not begun", "asserted", True),
    case("Inspectors found no evidence of chemical weapons at the site.", "no evidence of chemical weapons",
         "asserted", True),
    case("The Kremlin denied that its forces had struck the children's hospital.", "struck the children's hospital",
         "asserted", True),
    case("The president has never visited the disputed islands.", "never visited", "asserted", True),
    case("The company didn't meet its sales target for the third year running.", "sales target", "asserted", True),
    case("The hostages were not killed in the raid, the army said.", "were not killed", "asserted", True),
    case("The nuclear plant is no longer supplying power to the national grid.", "supplying power", "asserted",
         True),
    case("None of the passengers were injured in the emergency landing.", "passengers were injured", "asserted",
         True),
    case("Nobody was hurt in the blast at the fuel depot.", "hurt in the blast", "asserted", True),
    case("Rescuers could not reach the village because the road was buried by landslides.",
         "could not reach the village", "asserted", True),
    # a plea is asserted: to deny the charges is to plead, not to negate them
    case("Murdaugh had denied the charges by pleading not guilty.", "pleading not guilty", "asserted", False),
    case("The company rejected the allegations in a statement.", "rejected the allegations", "asserted", False),
    case("The Kremlin denied that its troops were in Kursk.", "troops were in Kursk", "asserted", True),
    # a hedge on a verb coordinated with the claim's, sharing its subject, is that verb's...
    case('"The death toll is huge and might reach thousands," Ramadan warned.', "death toll is huge", "asserted",
         False),
    # ...but a coordinated clause with its own subject is its own claim, and its hedge is its own
    case("Police opened fire on protesters, and at least five people have reportedly died.", "five people",
         "hedged", False),
    # the impersonal frames hedge their clause
    case("He said it appeared the strikes hit only military targets.", "strikes hit", "hedged", False),
    case("Messi scored after Dembele was deemed to have brought down Di Maria in the box.", "was deemed to have",
         "asserted", False),  # the judgement is in the "after" clause, not the scoring
    case("Dembele was deemed to have brought down Di Maria in the box.", "brought down", "hedged", False),
    # --- "not" that denies nothing ------------------------------------------------------------------------
    case("The new sanctions target not only banks but also energy companies.", "energy companies", "asserted",
         False),
    case("There is no doubt that the economy is slowing.", "economy is slowing", "asserted", False),
    # a plea of "not guilty" is what was pleaded, asserted
    case("Bankman-Fried had pleaded not guilty to all seven counts.", "pleaded", "asserted", False),
    case("He entered a not-guilty plea at his arraignment in April.", "entered", "asserted", False),
    case("The claim that the dam was sabotaged could not be confirmed.", "dam was sabotaged", "unconfirmed", False),
]


@pytest.mark.parametrize("text,needle,certainty,negated", STANCES)
def test_certainty_and_negation(text, needle, certainty, negated):
    c = _claim(text, needle)
    got = (c.certainty, c.certainty_cue, c.negated, c.negation)
    assert c.certainty == certainty, got
    assert c.negated is negated, got


def cue_case(text, needle, certainty_cue, negation):
    return pytest.param(text, needle, certainty_cue, negation, id=_id(text))


# the words behind the reading: certainty cue exactly (case-insensitive), negation cue as a substring
CUES = [
    cue_case("The suspect reportedly fled across the border into Mexico.", "fled across", "reportedly", None),
    cue_case("Dozens of fighters are believed to be trapped inside the steel plant.", "trapped inside",
             "are believed to", None),
    cue_case("Inspectors found no evidence of chemical weapons at the site.", "no evidence", None, "no evidence"),
    cue_case("Most of the troops have not engaged in combat so far.", "have not engaged", None, "not engaged"),
    cue_case("The Kremlin denied that its forces had struck the children's hospital.", "children's hospital",
             None, "denied"),
    cue_case("The army did not say whether any soldiers were killed in the strike.", "any soldiers",
             "did not say whether", None),
    cue_case("The Pentagon confirmed that two service members were wounded in the attack.", "two service members",
             "confirmed", None),
]


@pytest.mark.parametrize("text,needle,certainty_cue,negation", CUES)
def test_cues(text, needle, certainty_cue, negation):
    c = _claim(text, needle)
    got = (c.certainty_cue, c.negation)
    if certainty_cue is None:
        assert c.certainty_cue is None, got
    else:
        assert c.certainty_cue is not None and c.certainty_cue.lower() == certainty_cue.lower(), got
    if negation is None:
        assert c.negation is None, got
    else:
        assert c.negation is not None and negation.lower() in c.negation.lower(), got
