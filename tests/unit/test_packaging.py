"""pyproject.toml builds without setuptools warnings, and the wheel ships every plugin's data files."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from support import REPO


def test_the_wheel_builds_without_warnings_and_ships_the_plugins_data_files(tmp_path: Path):
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    for folder in ("api", "domain", "plugins"):
        shutil.copytree(REPO / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-v",
                            "-w", str(tmp_path / "wheel"), str(source)], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    assert "Warning" not in built.stdout + built.stderr  # BuildBackendWarning, SetuptoolsDeprecationWarning
    [wheel] = (tmp_path / "wheel").glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for plugin in ("locations", "quotes"):
        shipped = {p.name for p in (REPO / "plugins" / plugin / "data").iterdir() if p.is_file()}
        assert shipped and {f"newsledger/plugins/{plugin}/data/{n}" for n in shipped} <= names
