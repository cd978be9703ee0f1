"""The exact unit table agrees with pint."""

import pint
import pytest

from claimdiff.extract.units import AMBIGUOUS, UNITS

ureg = pint.UnitRegistry()
PINT_NAMES = {
    "kilometers": "kilometer", "miles": "mile", "feet": "foot", "yards": "yard", "nautical miles": "nautical_mile",
    "millimetres": "millimeter", "inches": "inch",
    "square kilometers": "kilometer**2", "square miles": "mile**2", "square feet": "foot**2", "hectares": "hectare",
    "acres": "43560 * foot**2",  # the international acre; pint's "acre" is the survey acre
    "tonnes": "metric_ton", "tons": "metric_ton", "short tons": "short_ton", "lbs": "pound", "grams": "gram",
    "ounces": "ounce",
    "weeks": "week", "days": "day", "hours": "hour", "centimeters": "centimeter",
    "litres": "liter", "gallons": "gallon", "barrels": "oil_barrel", "cubic metres": "meter**3",
    "barrels per day": "oil_barrel / day", "bpd": "oil_barrel / day",
    "kw": "kilowatt", "megawatts": "megawatt", "gw": "gigawatt",
    "kwh": "kilowatt_hour", "terawatt-hours": "terawatt_hour",
    "mph": "mile / hour", "knots": "knot", "km/h": "kilometer / hour", "metres per second": "meter / second",
}
TARGETS = {"meter": "meter", "meter**2": "meter**2", "kilogram": "kilogram", "day": "day", "liter": "liter",
           "liter/day": "liter / day", "watt": "watt", "watt_hour": "watt_hour", "kilometer/hour": "kilometer / hour"}


@pytest.mark.parametrize("form,pint_name", sorted(PINT_NAMES.items()))
def test_factor_matches_pint(form, pint_name):
    unit, _, factor = UNITS[form]
    assert factor == pytest.approx(ureg.parse_expression(pint_name).to(TARGETS[unit]).magnitude, rel=1e-12)


def test_tons_are_either_ton():
    """In news "tons" is as often the metric tonne as the short ton: both factors are kept."""
    assert UNITS["tons"][2] == pytest.approx(ureg.parse_expression("metric_ton").to("kilogram").magnitude)
    assert AMBIGUOUS["tons"] == pytest.approx(ureg.parse_expression("short_ton").to("kilogram").magnitude)


@pytest.mark.parametrize("form,scale", [("fahrenheit", "degF"), ("°f", "degF"), ("celsius", "degC")])
def test_temperature_step_matches_pint(form, scale):
    """A degree Fahrenheit is 5/9 of a degree Celsius (the reader adds the scale's offset for readings)."""
    unit, dim, factor = UNITS[form]
    assert (unit, dim) == ("degC", "temperature")
    step = ureg.Quantity(1, "delta_" + scale).to("delta_degC").magnitude
    assert factor == pytest.approx(step, rel=1e-12)
