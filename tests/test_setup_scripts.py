"""The set-up scripts' decisions, one function at a time.

``scripts/sh/lib.sh`` only defines functions when sourced, so each is run
here in a throw-away ``bash -c`` with the outside world (apt-get, sudo, id)
replaced by shell functions. Nothing is installed.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from sitebuild import ROOT

LIB = ROOT / "scripts" / "sh" / "lib.sh"


def run_bash(script: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Source lib.sh in a fresh bash and run ``script``; PATH defaults to the system's."""
    return subprocess.run(
        ["bash", "-c", f"source {LIB}\n{script}"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", **env},
    )


@pytest.mark.parametrize(("pytest_status", "expected"), [(0, 0), (1, 1), (2, 2), (4, 4), (5, 1)])
def test_pytest_exit_status_5_is_a_failure(pytest_status: int, expected: int) -> None:
    result = run_bash(f"exit_with_pytest_status {pytest_status}")
    assert result.returncode == expected
    if pytest_status == 5:
        assert result.stderr.strip() == "pytest collected no tests: that is a failure here, not a pass."


def test_test_sh_hands_pytest_status_to_that_function() -> None:
    script = (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    lines = [line.split("#")[0].strip() for line in script.splitlines()]
    assert '"$VENV/bin/python" -m pytest "$@" || status=$?' in lines
    assert lines[-1] == 'exit_with_pytest_status "$status"', "test.sh must end by handing pytest's status over"
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()[-1] == "exec bash scripts/test.sh"


def test_chromium_present_is_used_as_is() -> None:
    result = run_bash('CHROMIUM=/bin/sh; ensure_chromium; echo "using $CHROMIUM"')
    assert result.returncode == 0 and result.stdout.strip() == "using /bin/sh"


def test_wrong_chromium_stops_with_the_lookups_one_line() -> None:
    result = run_bash("id() { echo 1000; }; sudo() { return 1; }; ensure_chromium", CHROMIUM="/nonexistent/chromium")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("CHROMIUM=/nonexistent/chromium is not an executable file"), result.stderr
    assert "Traceback" not in result.stdout + result.stderr


# find_browser is replaced by a stand-in that finds nothing until the fake
# apt-get "installs" a browser at $FAKE_BROWSER.
NO_BROWSER_UNTIL_INSTALLED = (
    'find_browser() { [ -x "$FAKE_BROWSER" ] && { echo "$FAKE_BROWSER"; return 0; }; '
    'echo "No Chrome, Chromium or Edge found: install one" >&2; return 1; }\n'
)


def fake_apt(tmp_path: Path, status: int) -> str:
    """A PATH whose apt-get logs its arguments, "installs" $FAKE_BROWSER when it succeeds, and exits with ``status``."""
    apt = tmp_path / "apt-get"
    apt.write_text(
        f'#!/bin/sh\necho "$*" >> {tmp_path}/apt.log\n'
        f'if [ "$1" = install ] && [ {status} = 0 ]; then printf "#!/bin/sh\\n" > "$FAKE_BROWSER"; chmod +x "$FAKE_BROWSER"; fi\n'
        f"exit {status}\n"
    )
    apt.chmod(0o755)
    return f"{tmp_path}:/usr/bin:/bin"


def test_no_browser_as_root_installs_debians_chromium_and_uses_it(tmp_path: Path) -> None:
    browser = tmp_path / "chromium"
    result = run_bash(
        NO_BROWSER_UNTIL_INSTALLED + 'id() { echo 0; }; ensure_chromium; echo "using $CHROMIUM"',
        PATH=fake_apt(tmp_path, 0),
        FAKE_BROWSER=str(browser),
    )
    assert "Installing Chromium from the Debian packages" in result.stdout
    assert result.returncode == 0 and result.stdout.splitlines()[-1] == f"using {browser}", result
    assert (tmp_path / "apt.log").read_text().splitlines() == ["update -qq", "install -y -qq chromium"]


def test_failed_apt_install_stops_with_one_line(tmp_path: Path) -> None:
    result = run_bash(
        NO_BROWSER_UNTIL_INSTALLED + "id() { echo 0; }; ensure_chromium", PATH=fake_apt(tmp_path, 100), FAKE_BROWSER=str(tmp_path / "c")
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["Could not install Chromium: run 'sudo apt-get install chromium' and run this again."]


def test_no_browser_without_root_stops_with_the_lookups_line_and_installs_nothing(tmp_path: Path) -> None:
    result = run_bash(
        NO_BROWSER_UNTIL_INSTALLED + "id() { echo 1000; }; sudo() { return 1; }; ensure_chromium",
        PATH=fake_apt(tmp_path, 0),
        FAKE_BROWSER=str(tmp_path / "c"),
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["No Chrome, Chromium or Edge found: install one"]
    assert not (tmp_path / "apt.log").exists()


def test_the_shell_keeps_no_list_of_browser_locations() -> None:
    """The locations live in scripts/curriculum/browser.py only; lib.sh asks it."""
    for script in (ROOT / "scripts" / "sh").glob("*.sh"):
        text = script.read_text(encoding="utf-8")
        for location in ("/usr/bin/chromium", "google-chrome", "Applications", "msedge"):
            assert location not in text, f"{script.name} names {location}: ask find_browser instead"


def test_python_older_than_3_11_is_refused_with_one_line(tmp_path: Path) -> None:
    for name in ("python3.13", "python3.12", "python3.11", "python3"):
        fake = tmp_path / name
        fake.write_text("#!/bin/sh\nexit 1\n")  # answers "too old" to the version probe
        fake.chmod(0o755)
    result = subprocess.run(
        ["bash", "-c", f"source {LIB}\nVENV={tmp_path}/venv; ensure_venv"],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": f"{tmp_path}:/usr/bin:/bin"},
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        (
            "Python 3.11 or newer is needed: install it (Debian/Ubuntu: sudo apt-get install python3; macOS: brew install python or python.org) "
            "and run this again."
        )
    ]


def test_serve_sh_serves_the_site_with_live_reload(tmp_path) -> None:
    """The README's first command, on a free port instead of 8000 (later --dev-addr wins)."""
    import os
    import signal
    import socket
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        ["bash", str(ROOT / "scripts" / "serve.sh"), "--dev-addr", f"127.0.0.1:{port}"],
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=tmp_path,
        start_new_session=True,
    )
    try:
        deadline, html = time.monotonic() + 120, ""
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    html = response.read().decode("utf-8")
                    break
            except OSError:
                time.sleep(1)
        assert html, f"serve.sh did not serve the site:\n{(tmp_path / 'serve.log').read_text()}"
        assert re.search(r"<title>[^<]*Onboarding programme[^<]*</title>", html), html[:500]
        assert "livereload" in html, "mkdocs serve injects its live-reload script into every page"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()
