"""One spelling for British and American words, for word overlap only ("defence" /
"defense", "organised" / "organized", "centre" / "center", "travelled" / "traveled").

Outlets on either side of the Atlantic report the same claim in their own spelling, and
rapidfuzz counts "defence" and "defense" as different words. The table is closed and
explicit: a rule such as "-ise -> -ize" would also turn "promise" and "rise" into words
that do not exist. The claim's text, and what the model reads, are never changed.
"""

from __future__ import annotations

_OUR = ("colour favour honour labour neighbour behaviour harbour rumour humour armour vapour flavour endeavour "
        "savour valour vigour rigour odour clamour splendour parlour").split()
_ISE = ("organis recognis criticis apologis mobilis authoris prioritis emphasis stabilis characteris minimis "
        "maximis realis finalis normalis legalis utilis specialis summaris sympathis jeopardis scrutinis modernis "
        "privatis nationalis capitalis centralis standardis hospitalis neutralis destabilis militaris subsidis "
        "categoris penalis energis harmonis visualis monopolis polaris popularis globalis industrialis").split()
_TRE = "centre metre theatre kilometre litre fibre calibre sombre spectre".split()
_LL = ("travelled travelling traveller travellers cancelled cancelling modelled modelling labelled labelling "
       "fuelled fuelling signalled signalling counselled counselling totalled totalling levelled levelling").split()
_OTHER = {
    "defence": "defense", "offence": "offense", "licence": "license", "pretence": "pretense",
    "programme": "program", "programmes": "programs", "grey": "gray", "tyre": "tire", "tyres": "tires",
    "sceptical": "skeptical", "sceptic": "skeptic", "sceptics": "skeptics", "manoeuvre": "maneuver",
    "manoeuvres": "maneuvers", "aluminium": "aluminum", "storey": "story", "storeys": "stories",
    "plough": "plow", "cheque": "check", "analyse": "analyze", "analysed": "analyzed", "analysing": "analyzing",
    "paralyse": "paralyze", "paralysed": "paralyzed", "catalogue": "catalog", "ageing": "aging",
    "judgement": "judgment", "fulfil": "fulfill", "enrol": "enroll", "whilst": "while", "amongst": "among",
}


def _table() -> dict[str, str]:
    table = dict(_OTHER)
    for word in _OUR:  # colour, colours, coloured, colouring, honourable, labourers
        for suffix in ("", "s", "ed", "ing", "able", "ite", "ites", "ful", "er", "ers"):
            table[word + suffix] = word[:-3] + "or" + suffix
    for stem in _ISE:  # organise, organised, organises, organising, organisation(s), organiser(s)
        for suffix in ("e", "ed", "es", "ing", "ation", "ations", "er", "ers"):
            table[stem + suffix] = stem[:-1] + "z" + suffix
    for word in _TRE:
        table[word] = word[:-2] + "er"
        table[word + "s"] = word[:-2] + "ers"
    for word in _LL:
        at = word.index("ll")
        table[word] = word[:at] + "l" + word[at + 2:]
    return table


AMERICAN = _table()


def american(words: str) -> str:
    """Lower-case words separated by single spaces, each in its American spelling."""
    return " ".join(AMERICAN.get(w, w) for w in words.split(" "))
