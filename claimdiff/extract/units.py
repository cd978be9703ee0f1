"""Units news reports use, with exact factors to one canonical unit per dimension.

The factors are the exact legal definitions (a mile is 1,609.344 m by the 1959
agreement); tests check every one against pint. A table keeps start-up free of
pint's registry and keeps outputs byte-stable.
"""

from __future__ import annotations

# surface form -> (canonical unit, dimension, factor to canonical)
_MILE = 1609.344
_FOOT = 0.3048
UNITS: dict[str, tuple[str, str, float]] = {}


def _add(forms: str, unit: str, dimension: str, factor: float) -> None:
    for form in forms.split("|"):
        UNITS[form] = (unit, dimension, factor)


_add("kilometers|kilometres|kilometer|kilometre|km|kms", "meter", "length", 1000.0)
_add("meters|metres|meter|metre", "meter", "length", 1.0)
_add("centimeters|centimetres|cm", "meter", "length", 0.01)
_add("miles|mile", "meter", "length", _MILE)
_add("feet|foot|ft", "meter", "length", _FOOT)
_add("yards|yard", "meter", "length", 0.9144)
_add("nautical miles|nautical mile", "meter", "length", 1852.0)
_add("square kilometers|square kilometres|square kilometer|square kilometre|sq km|sq. km|km2|km²", "meter**2", "area", 1e6)
_add("square miles|square mile|sq mi|sq. mi|sq miles", "meter**2", "area", _MILE * _MILE)
_add("square meters|square metres|square meter|square metre|m2|m²", "meter**2", "area", 1.0)
_add("square feet|square foot|sq ft", "meter**2", "area", _FOOT * _FOOT)
_add("hectares|hectare", "meter**2", "area", 1e4)
_add("acres|acre", "meter**2", "area", 4046.8564224)
_add("kilograms|kilogrammes|kilogram|kg|kgs", "kilogram", "mass", 1.0)
_add("grams|gram", "kilogram", "mass", 0.001)
_add("tonnes|tonne|metric tons|metric ton", "kilogram", "mass", 1000.0)
_add("tons|ton|short tons|short ton", "kilogram", "mass", 907.18474)
_add("lbs|lb", "kilogram", "mass", 0.45359237)
_add("percent|per cent|pct|%", "percent", "percent", 1.0)
_add("percentage points|percentage point", "percentage_point", "percent", 1.0)
_add("years|year", "day", "duration", 365.25)
_add("months|month", "day", "duration", 365.25 / 12)
_add("weeks|week", "day", "duration", 7.0)
_add("days|day", "day", "duration", 1.0)
_add("hours|hour", "day", "duration", 1 / 24)
_add("minutes|minute", "day", "duration", 1 / 1440)
_add("dollars|dollar|usd", "USD", "money", 1.0)
_add("cents|cent", "USD", "money", 0.01)
_add("euros|euro|eur", "EUR", "money", 1.0)
_add("won", "KRW", "money", 1.0)
_add("rubles|roubles|ruble|rouble", "RUB", "money", 1.0)
_add("yuan|renminbi", "CNY", "money", 1.0)
_add("yen", "JPY", "money", 1.0)
_add("hryvnias|hryvnia", "UAH", "money", 1.0)

CURRENCY_SIGNS = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "₽": "RUB", "₴": "UAH"}

# Display units for reasons: canonical -> (name, factor) for how a reader expects to see it.
DISPLAY = {
    "meter": ("km", 1000.0),
    "meter**2": ("km²", 1e6),
    "kilogram": ("kg", 1.0),
    "day": ("days", 1.0),
    "percent": ("points", 1.0),  # 4.1% -> 4.0% moves by 0.1 percentage points, 2% of itself
}

# longest forms first, so "square miles" wins over "miles"
FORMS = sorted(UNITS, key=len, reverse=True)
