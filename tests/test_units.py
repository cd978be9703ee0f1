"""The exact unit table agrees with pint."""

import pint
import pytest

from claimdiff.extract.units import UNITS

ureg = pint.UnitRegistry()
PINT_NAMES = {
    "kilometers": "kilometer", "miles": "mile", "feet": "foot", "yards": "yard", "nautical miles": "nautical_mile",
    "square kilometers": "kilometer**2", "square miles": "mile**2", "square feet": "foot**2", "hectares": "hectare",
    "acres": "43560 * foot**2",  # the international acre; pint's "acre" is the survey acre
    "tonnes": "metric_ton", "tons": "short_ton", "lbs": "pound", "grams": "gram",
    "weeks": "week", "days": "day", "hours": "hour", "centimeters": "centimeter",
}


@pytest.mark.parametrize("form,pint_name", sorted(PINT_NAMES.items()))
def test_factor_matches_pint(form, pint_name):
    unit, _, factor = UNITS[form]
    target = {"meter": "meter", "meter**2": "meter**2", "kilogram": "kilogram", "day": "day"}[unit]
    assert factor == pytest.approx(ureg.parse_expression(pint_name).to(target).magnitude, rel=1e-12)
