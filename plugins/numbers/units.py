"""Unit vocabulary of the numbers extractor: surface forms -> normalised unit, SI conversion.

General English news vocabulary only. Each surface maps to a normalised unit id (DESIGN.md:
km2, km, mi, GBP, USD, percent, people, ...); areas convert to km2 and lengths to km.
"""

from __future__ import annotations

import re


def vocab(words: str) -> frozenset[str]:
    """A word list written as one space-separated string (easier to read and extend)."""
    return frozenset(words.split())

# normalised unit -> (si_unit, factor to si); only areas and lengths convert (DESIGN.md).
SI: dict[str, tuple[str, float]] = {
    "km2": ("km2", 1.0),
    "mi2": ("km2", 2.589988110336),
    "m2": ("km2", 1e-6),
    "ha": ("km2", 0.01),
    "acre": ("km2", 0.0040468564224),
    "ft2": ("km2", 9.290304e-8),
    "km": ("km", 1.0),
    "mi": ("km", 1.609344),
    "m": ("km", 0.001),
    "cm": ("km", 1e-5),
    "mm": ("km", 1e-6),
    "ft": ("km", 0.0003048),
    "yd": ("km", 0.0009144),
    "in": ("km", 0.0000254),
    "nmi": ("km", 1.852),
}

_SQ = r"(?:square|sq\.?)\s+"
_KM = r"(?:kilomet(?:er|re)s?|kms?)"
_MI = r"(?:miles?|mi)"
_M = r"(?:met(?:er|re)s?)"

# (regex surface, normalised unit), tried in order.
_UNIT_SURFACES: list[tuple[str, str]] = [
    # multi-word surfaces first: the alternation takes the first that fits
    (r"(?:miles?\s+(?:per|an|a)\s+hour)|mph", "mph"),
    (r"(?:kilomet(?:er|re)s?\s+(?:per|an)\s+hour)|km/h|kph", "km/h"),
    (r"kilowatt[- ]hours?|kWh", "kWh"), (r"megawatt[- ]hours?|MWh", "MWh"),
    (r"gigawatt[- ]hours?|GWh", "GWh"), (r"terawatt[- ]hours?|TWh", "TWh"), (r"watt[- ]hours?|Wh", "Wh"),
    (r"nautical\s+miles?", "nmi"),
    (r"°\s?C|degrees?\s+(?:celsius|centigrade|C\b)", "degC"), (r"°\s?F|degrees?\s+fahrenheit", "degF"),
    (r"percentage\s+points?", "pp"), (r"basis\s+points?", "bp"),
    (r"(?:pounds?\s+sterling|sterling)", "GBP"), (r"(?:metric\s+)?tonnes?|tons?|t", "t"),
    (_SQ + _KM, "km2"), (r"km²|km2|sq\.?\s*km", "km2"),
    (_SQ + _MI, "mi2"), (r"mi²|sq\.?\s*mi", "mi2"),
    (_SQ + _M, "m2"), (r"m²|sq\.?\s*m", "m2"),
    (_SQ + r"(?:feet|foot|ft)", "ft2"), (r"ft²|sq\.?\s*ft", "ft2"),
    (r"hectares?|ha", "ha"), (r"acres?", "acre"),
    (_KM, "km"), (r"miles?|mi", "mi"), (_M, "m"),
    (r"centimet(?:er|re)s?|cm", "cm"), (r"millimet(?:er|re)s?|mm", "mm"),
    (r"feet|foot|ft", "ft"), (r"yards?|yds?", "yd"), (r"inch(?:es)?", "in"),
    (r"kilogra(?:m|mme)s?|kilos?|kgs?", "kg"), (r"gra(?:m|mme)s?", "g"),
    (r"milligra(?:m|mme)s?|mg", "mg"), (r"lbs?|pounds?\s+of\b|pound", "lb"),
    (r"litres?|liters?", "l"), (r"millilit(?:re|er)s?|ml", "ml"), (r"gallons?", "gal"),
    (r"barrels?", "barrel"),
    (r"degrees?", "deg"),
    (r"per\s*cent|percent|%|pc\b", "percent"),
    (r"points?|pts", "points"),
    (r"years?|yrs?", "years"), (r"months?", "months"), (r"weeks?", "weeks"), (r"days?", "days"),
    (r"hours?|hrs?", "hours"), (r"minutes?|mins?", "minutes"), (r"seconds?|secs?", "seconds"),
    (r"decades?", "decades"), (r"centuries|century", "centuries"),
    (r"terabytes?|TB", "TB"), (r"gigabytes?|GB", "GB"), (r"megabytes?|MB", "MB"),
    (r"megabits?|Mbps|Mb", "Mb"), (r"gigahertz|GHz", "GHz"), (r"megahertz|MHz", "MHz"),
    (r"gigawatts?|GW", "GW"), (r"megawatts?|MW", "MW"), (r"kilowatts?|kW", "kW"),
    (r"horsepower|hp|bhp", "hp"),
    (r"euros?", "EUR"), (r"dollars?", "USD"),
    (r"pence|p\b", "GBX"), (r"cents?", "cent"), (r"yen", "JPY"), (r"yuan|renminbi", "CNY"),
    (r"rupees?", "INR"), (r"roubles?|rubles?", "RUB"), (r"hryvnias?", "UAH"),
    (r"francs?", "CHF"), (r"shekels?", "ILS"), (r"ringgit", "MYR"),
]

# Written after the number: "6,000 square kilometers", "2500km²", "5 million euros".
# Case-insensitive except that short symbols must not swallow ordinary words (handled by
# requiring a non-letter after every surface).
UNIT_RE = re.compile(
    r"[ \t\u00a0-]?(?:"
    + "|".join(f"(?P<u{i}>{s})" for i, (s, _) in enumerate(_UNIT_SURFACES))
    + r")(?![A-Za-z0-9²/])",
    re.IGNORECASE,
)
UNIT_BY_GROUP: dict[str, str] = {f"u{i}": u for i, (_, u) in enumerate(_UNIT_SURFACES)}

# Short surfaces that are also ordinary tokens: only accepted glued to the number ("50p", "5pc").
GLUED_ONLY = frozenset({"p", "pc"})

# Temperatures written glued with a capital letter: "30C", "-10C", "86F".
GLUED_TEMPERATURE = {"C": "degC", "F": "degF"}

# "pounds" after a number is money in British news ("20 million pounds"); weight needs "of"
# ("pounds of") or the singular adjective ("a twenty-pound bag"), both ``lb`` in the table.
POUNDS_RE = re.compile(r"[ \t\u00a0]pounds(?![A-Za-z])", re.IGNORECASE)

# Prefix currency symbols and codes: "£5m", "$1.2bn", "US$58", "€5", "Rs 500".
CURRENCY_PREFIX: dict[str, str] = {
    "£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY", "₹": "INR", "₽": "RUB", "₴": "UAH",
    "US$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "HK$": "HKD", "NZ$": "NZD",
    "S$": "SGD", "R$": "BRL", "USD": "USD", "EUR": "EUR", "GBP": "GBP", "Rs": "INR", "Rs.": "INR",
}

# Counted nouns promoted to a unit of their own (gold convention: "140,000 troops" -> troops).
PEOPLE_NOUNS = vocab(
    "people persons civilians residents inhabitants individuals adults children men women "
    "refugees victims patients workers employees staff migrants voters passengers fans "
    "students pupils citizens deaths casualties"
)
TROOP_NOUNS = vocab("troops soldiers servicemen fighters personnel")


def counted_unit(noun: str) -> str:
    """Normalised unit for a counted noun: 'people', 'troops', else 'count'."""
    low = noun.lower()
    if low in PEOPLE_NOUNS:
        return "people"
    if low in TROOP_NOUNS:
        return "troops"
    return "count"


def si(value: float, unit: str | None) -> tuple[float | None, str | None]:
    """(si_value, si_unit) for areas (km2) and lengths (km); (None, None) otherwise."""
    conv = SI.get(unit) if unit else None
    if conv is None:
        return None, None
    return value * conv[1], conv[0]
