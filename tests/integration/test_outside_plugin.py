"""An outside plugin installed with pip is found through its entry point and its assertions recorded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PLUGIN = REPO / "examples" / "newsledger-datelines"


def test_pip_installed_plugin_is_found_and_its_assertions_are_recorded(tmp_path: Path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    # The fresh environment sees newsledger and its dependencies from the project's environment
    # (added as a site dir, so its editable-install hooks run); the plugin itself is pip-installed.
    Path(site, "newsledger_parent.pth").write_text(
        f"import site; site.addsitedir({sysconfig.get_paths()['purelib']!r})\n")
    # Built with the project's own build tools (offline), then installed by the fresh pip like any wheel.
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "--no-index",
                    "-w", str(wheels), str(PLUGIN)], check=True, cwd=tmp_path)
    (wheel,) = wheels.glob("*.whl")
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], check=True)
    env = {**os.environ, "NEWSLEDGER_DATABASE_URL": f"sqlite:///{tmp_path}/ledger.sqlite",
           "NEWSLEDGER_LOAD_PLUGINS": "datelines"}
    cli = [str(py), "-m", "newsledger.api.cli"]
    listed = subprocess.run([*cli, "plugins", "--json"], env=env, check=True, capture_output=True, text=True)
    assert [e["extractor"] for e in json.loads(listed.stdout)["extractors"]] == ["datelines"]
    (plugin,) = json.loads(listed.stdout)["plugins"]
    assert (plugin["projections"], plugin["routes"]) == ([{"name": "datelines", "version": 2}], ["/datelines"])
    story = tmp_path / "story.txt"
    story.write_text("Retreat confirmed\n\nWASHINGTON – U.S. officials confirmed the retreat of Russian troops.\n")
    subprocess.run([*cli, "ingest", str(story)], env=env, check=True, capture_output=True, text=True)
    exported = subprocess.run([*cli, "export", "assertions", "--kind", "dateline"], env=env, check=True,
                              capture_output=True, text=True)
    (line,) = exported.stdout.splitlines()
    assertion = json.loads(line)
    assert assertion["text"] == "WASHINGTON" and assertion["extractor"] == "datelines"
    assert assertion["data"]["place"] == "Washington"
    # Its projection and route: GET /datelines as of the head, and as of position 1 (before the run).
    read = ("import json, sys; from litestar.testing import TestClient; from newsledger.api.app import create_app; "
            "from newsledger.api.settings import Settings\n"
            "with TestClient(create_app(Settings.from_env())) as c:\n"
            "    print(json.dumps([c.get('/datelines', params=p).json() for p in ({}, {'position': 1})]))")
    now, before = json.loads(subprocess.run([str(py), "-c", read], env=env, check=True, capture_output=True,
                                            text=True).stdout)
    assert now == {"items": [{"place": "Washington", "articles": 1}], "position": 2}
    assert before == {"items": [], "position": 1}
    # A retracted story has no dateline from then on; as of the position before, it still has it.
    key = json.loads(subprocess.run([*cli, "keys", "add", "editor", "--scope", "admin", "--json"], env=env,
                                    check=True, capture_output=True, text=True).stdout)["key"]
    retract = ("import json, sys; from litestar.testing import TestClient; from newsledger.api.app import create_app; "
               "from newsledger.api.settings import Settings\n"
               "with TestClient(create_app(Settings.from_env())) as c:\n"
               "    (a,) = c.get('/articles').json()['items']\n"
               f"    r = c.post(f\"/articles/{{a['id']}}/retraction\", json={{'reason': 'wrong city'}}, "
               f"headers={{'Authorization': 'Bearer {key}'}})\n"
               "    assert r.status_code == 201, r.text\n"
               "    head = {'min_position': r.json()['position']}  # read your write\n"
               "    print(json.dumps([c.get('/datelines', params=p).json() for p in (head, {'position': 2})]))")
    done = subprocess.run([str(py), "-c", retract], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    after, then = json.loads(done.stdout)
    assert after == {"items": [], "position": 3}
    assert then == {"items": [{"place": "Washington", "articles": 1}], "position": 2}
    # The plugin's own contract tests pass in its environment.
    subprocess.run([str(py), "-m", "pytest", "-q", "-p", "no:cacheprovider", str(PLUGIN / "tests")], check=True,
                   env=env, cwd=tmp_path)
