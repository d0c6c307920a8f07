"""The README's Settings and Command line sections list what the code reads and accepts."""

from __future__ import annotations

import re

import click
from newsledger.api.cli import main
from support import REPO

README = (REPO / "README.md").read_text()


def section(title: str) -> str:
    return README.split(f"\n## {title}", 1)[1].split("\n## ", 1)[0]


def test_every_variable_the_settings_read_is_in_the_readme_settings_table():
    read = set(re.findall(r"NEWSLEDGER_[A-Z_]+", (REPO / "api" / "settings.py").read_text()))
    listed = set(re.findall(r"^\| `(NEWSLEDGER_[A-Z_]+)`", section("Settings"), re.M))
    assert read - listed == set()


def test_the_readme_says_which_setting_a_plugin_reads_itself():
    assert "`NEWSLEDGER_CACHE_DIR`, which the locations plugin" in section("Settings")
    assert "NEWSLEDGER_CACHE_DIR" in (REPO / "plugins" / "locations" / "gazetteer.py").read_text()


def test_every_option_of_every_command_is_in_the_readme_command_list():
    listed = section("Command line").split("```")[1]
    missing = []

    def walk(command: click.Command, path: list[str]) -> None:
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                walk(sub, [*path, name])
            return
        for param in command.params:
            names = [o for o in getattr(param, "opts", []) if o.startswith("--")]
            if names and not any(n in listed for n in names):
                missing.append(f"{' '.join(path)} {names[0]}")

    walk(main, [])
    assert missing == []
