"""Units news reports use, with exact factors to one canonical unit per dimension.

The factors are the exact legal definitions (a mile is 1,609.344 m by the 1959
agreement); tests check every one against pint. A table keeps start-up free of
pint's registry and keeps outputs byte-stable.
"""

from __future__ import annotations

# surface form -> (canonical unit, dimension, factor to canonical)
_MILE = 1609.344
_FOOT = 0.3048
SHORT_TON = 907.18474
BARREL = 158.987294928  # the oil barrel, 42 US gallons
UNITS: dict[str, tuple[str, str, float]] = {}


def _add(forms: str, unit: str, dimension: str, factor: float) -> None:
    for form in forms.split("|"):
        UNITS[form] = (unit, dimension, factor)


_add("kilometers|kilometres|kilometer|kilometre|km|kms", "meter", "length", 1000.0)
_add("meters|metres|meter|metre", "meter", "length", 1.0)
_add("centimeters|centimetres|centimeter|centimetre|cm", "meter", "length", 0.01)
_add("millimeters|millimetres|millimeter|millimetre|mm", "meter", "length", 0.001)
_add("inches|inch", "meter", "length", 0.0254)
_add("miles|mile", "meter", "length", _MILE)
_add("feet|foot|ft", "meter", "length", _FOOT)
_add("yards|yard", "meter", "length", 0.9144)
_add("nautical miles|nautical mile", "meter", "length", 1852.0)
_add("square kilometers|square kilometres|square kilometer|square kilometre|sq km|sq. km|km2|km²", "meter**2", "area", 1e6)
_add("square miles|square mile|sq mi|sq. mi|sq miles", "meter**2", "area", _MILE * _MILE)
_add("square meters|square metres|square meter|square metre|sq metres|sq meters|sq m|sqm|m2|m²", "meter**2", "area", 1.0)
_add("square feet|square foot|sq ft", "meter**2", "area", _FOOT * _FOOT)
_add("hectares|hectare", "meter**2", "area", 1e4)
_add("acres|acre", "meter**2", "area", 4046.8564224)
_add("kilograms|kilogrammes|kilogram|kg|kgs", "kilogram", "mass", 1.0)
_add("grams|gram", "kilogram", "mass", 0.001)
_add("tonnes|tonne|metric tons|metric ton|metric tonnes|tons metric", "kilogram", "mass", 1000.0)
_add("short tons|short ton", "kilogram", "mass", SHORT_TON)
# in news "tons" is as often the metric tonne as the short ton: read as either (see AMBIGUOUS)
_add("tons|ton", "kilogram", "mass", 1000.0)
_add("lbs|lb|pounds|pound", "kilogram", "mass", 0.45359237)  # "pounds" of money: see quantities
_add("ounces|ounce|oz", "kilogram", "mass", 0.028349523125)
_add("liters|litres|liter|litre", "liter", "volume", 1.0)
_add("gallons|gallon", "liter", "volume", 3.785411784)  # the US gallon
_add("barrels|barrel|bbl", "liter", "volume", BARREL)
_add("cubic meters|cubic metres|cubic meter|cubic metre|m3|m³", "liter", "volume", 1000.0)
_add("barrels per day|barrels a day|barrels of oil per day|barrels of oil a day|bpd|b/d", "liter/day", "flow", BARREL)
_add("watts|watt", "watt", "power", 1.0)
_add("kilowatts|kilowatt|kw", "watt", "power", 1e3)
_add("megawatts|megawatt|mw", "watt", "power", 1e6)
_add("gigawatts|gigawatt|gw", "watt", "power", 1e9)
_add("watt-hours|watt hours|watt-hour|watt hour|wh", "watt_hour", "energy", 1.0)
_add("kilowatt-hours|kilowatt hours|kilowatt-hour|kilowatt hour|kwh", "watt_hour", "energy", 1e3)
_add("megawatt-hours|megawatt hours|megawatt-hour|megawatt hour|mwh", "watt_hour", "energy", 1e6)
_add("gigawatt-hours|gigawatt hours|gigawatt-hour|gigawatt hour|gwh", "watt_hour", "energy", 1e9)
_add("terawatt-hours|terawatt hours|terawatt-hour|terawatt hour|twh", "watt_hour", "energy", 1e12)
_add("kilometers per hour|kilometres per hour|kilometers an hour|kilometres an hour|km/h|kph|kmh|km/hr",
     "kilometer/hour", "speed", 1.0)
_add("miles per hour|miles an hour|mph", "kilometer/hour", "speed", _MILE / 1000)
_add("knots|knot", "kilometer/hour", "speed", 1.852)
_add("meters per second|metres per second|m/s", "kilometer/hour", "speed", 3.6)
# temperatures: canonical Celsius; a reading on the Fahrenheit scale also has an offset (TEMPERATURE)
_add("degrees celsius|degrees centigrade|degree celsius|celsius|centigrade|°c|ºc|° c", "degC", "temperature", 1.0)
_add("degrees fahrenheit|degree fahrenheit|fahrenheit|°f|ºf|° f", "degC", "temperature", 5 / 9)
_add("percent|per cent|pct|%", "percent", "percent", 1.0)
_add("percentage points|percentage point", "percentage_point", "percent", 1.0)
_add("centuries|century", "day", "duration", 36525.0)
_add("decades|decade", "day", "duration", 3652.5)
_add("years|year|yrs", "day", "duration", 365.25)
_add("months|month", "day", "duration", 365.25 / 12)
_add("weeks|week", "day", "duration", 7.0)
_add("days|day", "day", "duration", 1.0)
_add("hours|hour", "day", "duration", 1 / 24)
_add("minutes|minute|mins", "day", "duration", 1 / 1440)
_add("seconds|second|secs", "day", "duration", 1 / 86400)
_add("dollars|dollar|usd", "USD", "money", 1.0)
_add("cents|cent", "USD", "money", 0.01)
_add("euros|euro|eur", "EUR", "money", 1.0)
_add("won", "KRW", "money", 1.0)
_add("rubles|roubles|ruble|rouble", "RUB", "money", 1.0)
_add("yuan|renminbi", "CNY", "money", 1.0)
_add("yen", "JPY", "money", 1.0)
_add("hryvnias|hryvnia", "UAH", "money", 1.0)

_add("rupees|rupee", "INR", "money", 1.0)
_add("swiss francs|francs|franc", "CHF", "money", 1.0)
_add("pounds sterling|sterling", "GBP", "money", 1.0)
_add("australian dollars|australian dollar", "AUD", "money", 1.0)
_add("canadian dollars|canadian dollar", "CAD", "money", 1.0)
_add("new zealand dollars|new zealand dollar", "NZD", "money", 1.0)
_add("hong kong dollars|hong kong dollar", "HKD", "money", 1.0)
_add("reais|real", "BRL", "money", 1.0)
_add("rand", "ZAR", "money", 1.0)
_add("naira", "NGN", "money", 1.0)
_add("lira|liras", "TRY", "money", 1.0)
_add("zlotys|zloty", "PLN", "money", 1.0)
_add("ringgit", "MYR", "money", 1.0)
_add("baht", "THB", "money", 1.0)
_add("dirhams|dirham", "AED", "money", 1.0)
_add("riyals|riyal", "SAR", "money", 1.0)
_add("shekels|shekel", "ILS", "money", 1.0)
_add("rupiah", "IDR", "money", 1.0)
_add("gbp", "GBP", "money", 1.0)
_add("inr", "INR", "money", 1.0)
_add("chf", "CHF", "money", 1.0)
_add("jpy", "JPY", "money", 1.0)
_add("cny|rmb", "CNY", "money", 1.0)
_add("aud", "AUD", "money", 1.0)
_add("cad", "CAD", "money", 1.0)

# "US$", "$US", "A$", "Rs": a sign or a code in front of the number (longest first in the pattern)
CURRENCY_SIGNS = {
    "US$": "USD", "$US": "USD", "U.S.$": "USD", "$": "USD", "A$": "AUD", "AU$": "AUD", "$A": "AUD", "AUD": "AUD",
    "NZ$": "NZD", "C$": "CAD", "CA$": "CAD", "CAD": "CAD", "HK$": "HKD", "S$": "SGD", "R$": "BRL", "NT$": "TWD",
    "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP", "¥": "JPY", "JPY": "JPY", "₩": "KRW", "₽": "RUB", "₴": "UAH",
    "₹": "INR", "Rs.": "INR", "Rs": "INR", "INR": "INR", "CHF": "CHF", "USD": "USD", "CNY": "CNY", "RMB": "CNY",
    "₦": "NGN", "₺": "TRY", "₪": "ILS",
}

# Display units for reasons: canonical -> (name, factor) for how a reader expects to see it.
DISPLAY = {
    "meter": ("km", 1000.0),
    "meter**2": ("km²", 1e6),
    "kilogram": ("kg", 1.0),
    "day": ("days", 1.0),
    "liter": ("litres", 1.0),
    "liter/day": ("barrels a day", 1 / BARREL),
    "watt": ("MW", 1e6),
    "watt_hour": ("kWh", 1e3),
    "kilometer/hour": ("km/h", 1.0),
    "degC": ("°C", 1.0),
    "percent": ("points", 1.0),  # 4.1% -> 4.0% moves by 0.1 percentage points, 2% of itself
}

# a unit read as either of two: "2,000 tons" is [2,000 short tons, 2,000 tonnes]
AMBIGUOUS = {"tons": SHORT_TON, "ton": SHORT_TON}

# longest forms first, so "square miles" wins over "miles"
FORMS = sorted(UNITS, key=len, reverse=True)
