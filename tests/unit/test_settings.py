"""Settings.from_env reads every variable or refuses it in one line naming the variable and what it must be."""

from __future__ import annotations

import pytest
from newsledger.api.settings import Settings, SettingsError


def refusal(**env: str) -> str:
    with pytest.raises(SettingsError) as caught:
        Settings.from_env({f"NEWSLEDGER_{k}": v for k, v in env.items()})
    message = str(caught.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(("name", "value", "must_be"), [
    ("RATE_LIMIT_PER_MINUTE", "abc", "a whole number of requests"),
    ("EXTRACTION_BUDGET", "x", "a number of seconds"),
    ("MAX_BODY_BYTES", "5MB", "a whole number of bytes"),
    ("READ_CACHE_MB", "lots", "a number of megabytes"),
    ("PROJECTOR_INTERVAL", "fast", "a number of seconds"),
])
def test_a_non_numeric_setting_is_refused_naming_the_variable_and_what_it_must_be(name, value, must_be):
    message = refusal(**{name: value})
    assert message.startswith(f"NEWSLEDGER_{name} must be {must_be}") and repr(value) in message


@pytest.mark.parametrize(("name", "value"), [
    ("READ_CACHE_MB", "-1"), ("MAX_BODY_BYTES", "0"), ("MAX_BODY_BYTES", "-5"), ("EXTRACTION_BUDGET", "-1"),
    ("EXTRACTION_BUDGET", "0"), ("PROJECTOR_INTERVAL", "-0.5"), ("RATE_LIMIT_PER_MINUTE", "-1"),
    ("EXTRACTION_BUDGET", "nan"), ("READ_CACHE_MB", "inf"),
])
def test_a_number_out_of_its_range_is_refused(name, value):
    assert refusal(**{name: value}).startswith(f"NEWSLEDGER_{name} must be ")


def test_zero_turns_the_read_cache_and_the_rate_limit_off_and_is_accepted():
    settings = Settings.from_env({"NEWSLEDGER_READ_CACHE_MB": "0", "NEWSLEDGER_RATE_LIMIT_PER_MINUTE": "0"})
    assert (settings.read_cache_bytes, settings.rate_limit_per_minute) == (0, 0)


def test_the_role_is_read_whatever_its_case_and_an_unknown_role_is_refused():
    assert Settings.from_env({"NEWSLEDGER_ROLE": "ALL"}).inline_extraction
    assert Settings.from_env({"NEWSLEDGER_ROLE": " Api "}).role == "api"
    assert refusal(ROLE="worker") == "NEWSLEDGER_ROLE must be one of all, api (got 'worker')"


@pytest.mark.parametrize(("spelled", "meaning"), [
    ("1", True), ("y", True), ("YES", True), ("true", True), ("On", True),
    ("0", False), ("n", False), ("No", False), ("false", False), ("OFF", False),
])
def test_a_flag_takes_each_documented_spelling(spelled, meaning):
    assert Settings.from_env({"NEWSLEDGER_OPEN_READS": spelled}).open_reads is meaning


@pytest.mark.parametrize("name", ["CREATE_TABLES", "OPEN_READS", "ENTRY_POINTS"])
def test_a_flag_spelled_otherwise_is_refused_naming_the_variable(name):
    message = refusal(**{name: "nein"})
    assert message.startswith(f"NEWSLEDGER_{name} must be one of 1/y/yes/true/on or 0/n/no/false/off")


def test_malformed_api_keys_are_a_settings_error():
    assert refusal(API_KEYS="garbage").startswith("NEWSLEDGER_API_KEYS: expected name:scope:sha256hex")
    assert Settings.from_env({"NEWSLEDGER_API_KEYS": f"ci:write:{'a' * 64}"}).api_keys


def test_unset_variables_take_the_documented_defaults():
    assert Settings.from_env({}) == Settings()
