"""One person under many names: the spellings, transliterations and short forms outlets use
("Zelensky" / "Zelenskyy" / "Zelenskiy", "Erdogan" / "Erdoğan", "Tedros" / "Tedros Adhanom
Ghebreyesus"). Read by the extract stage (whom "he said" refers to) and by the judge (whether
two sources are one)."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz


def _surname(name: str) -> str:
    return re.sub(r"[^\w]", "", name.split()[-1].lower())


def same_name(a: str, b: str) -> bool:
    """One person under two spellings: the same surname, or one transliterated otherwise
    (Zelensky / Zelenskyy / Zelenskiy, Erdogan / Erdoğan): the first four letters alike and
    the rest within a letter or two."""
    x, y = _surname(a), _surname(b)
    if x == y:
        return True
    # "Tedros" / "WHO Director-General Tedros Adhanom Ghebreyesus": one name shares a part of the other
    parts = [{re.sub(r"[^\w]", "", w).lower() for w in n.split() if w[:1].isupper() and len(w) >= 4} for n in (a, b)]
    if parts[0] & parts[1]:
        return True
    x, y = (unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode() for w in (x, y))
    return x == y or (len(x) >= 5 and len(y) >= 5 and x[:4] == y[:4] and fuzz.ratio(x, y) >= 80)
