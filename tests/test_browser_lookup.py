"""The one browser lookup (scripts/curriculum/browser.py): where it looks, in what order, and what it says.

Install locations are laid out as fixture folders under ``tmp_path`` (the
lookup takes a ``root``), so the macOS and Linux layouts are tested on any
machine, and a PATH with nothing on it stands for a laptop with no browser.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from curriculum.browser import BrowserNotFound, find_browser
from sitebuild import ROOT

CHROME_MAC = "Applications/Google Chrome.app/Contents/MacOS/Google Chrome"
CHROMIUM_MAC = "Applications/Chromium.app/Contents/MacOS/Chromium"
EDGE_MAC = "Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge"


def install(root: Path, relative: str, *, executable: bool = True) -> Path:
    """A stand-in browser binary at ``root/relative``."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755 if executable else 0o644)
    return path


def lookup(root: Path, platform: str, *, path: str = "", home: str = "/Users/maintainer", **env: str) -> str:
    return find_browser({"PATH": path, **env}, platform=platform, home=Path(home), root=root)


def test_macos_google_chrome_in_applications(tmp_path: Path) -> None:
    chrome = install(tmp_path, CHROME_MAC)
    assert lookup(tmp_path, "darwin") == str(chrome)


def test_macos_chromium_in_the_users_own_applications_folder(tmp_path: Path) -> None:
    chromium = install(tmp_path, "Users/maintainer/" + CHROMIUM_MAC)
    assert lookup(tmp_path, "darwin") == str(chromium)


def test_macos_edge_when_it_is_the_only_browser(tmp_path: Path) -> None:
    edge = install(tmp_path, EDGE_MAC)
    assert lookup(tmp_path, "darwin") == str(edge)


def test_macos_prefers_chrome_over_chromium_and_edge(tmp_path: Path) -> None:
    for app in (EDGE_MAC, CHROMIUM_MAC):
        install(tmp_path, app)
    chrome = install(tmp_path, CHROME_MAC)
    assert lookup(tmp_path, "darwin") == str(chrome)


def test_linux_prefers_debian_chromium_over_google_chrome(tmp_path: Path) -> None:
    install(tmp_path, "opt/google/chrome/chrome")
    chromium = install(tmp_path, "usr/bin/chromium")
    assert lookup(tmp_path, "linux") == str(chromium)


@pytest.mark.parametrize("relative", ["usr/bin/google-chrome-stable", "opt/google/chrome/chrome", "opt/microsoft/msedge/msedge"])
def test_linux_chrome_and_edge_locations(tmp_path: Path, relative: str) -> None:
    browser = install(tmp_path, relative)
    assert lookup(tmp_path, "linux") == str(browser)


def test_a_file_that_cannot_be_run_is_skipped(tmp_path: Path) -> None:
    install(tmp_path, "usr/bin/chromium", executable=False)
    chrome = install(tmp_path, "usr/bin/google-chrome")
    assert lookup(tmp_path, "linux") == str(chrome)


def test_a_browser_on_path_is_found_after_the_usual_locations(tmp_path: Path) -> None:
    bin_dir = tmp_path / "home" / "bin"
    on_path = install(bin_dir, "google-chrome")
    assert lookup(tmp_path / "empty-root", "linux", path=str(bin_dir)) == str(on_path)


def test_ubuntus_chromium_snap_is_not_used(tmp_path: Path) -> None:
    snap = tmp_path / "snap" / "bin"
    install(snap, "chromium")
    with pytest.raises(BrowserNotFound):
        lookup(tmp_path / "empty-root", "linux", path=str(snap))


def test_chromium_variable_wins_over_installed_browsers(tmp_path: Path) -> None:
    install(tmp_path, "usr/bin/chromium")
    own = install(tmp_path, "builds/chrome-linux/chrome")
    assert lookup(tmp_path, "linux", CHROMIUM=str(own)) == str(own)


def test_a_wrong_chromium_variable_is_reported_not_replaced(tmp_path: Path) -> None:
    install(tmp_path, "usr/bin/chromium")
    with pytest.raises(BrowserNotFound) as missing:
        lookup(tmp_path, "linux", CHROMIUM=str(tmp_path / "no-such-browser"))
    message = str(missing.value)
    assert message.startswith(f"CHROMIUM={tmp_path / 'no-such-browser'} is not an executable file")
    assert "\n" not in message


@pytest.mark.parametrize(
    ("platform", "advice"),
    [("linux", "sudo apt-get install chromium"), ("darwin", "brew install --cask google-chrome")],
)
def test_nothing_installed_and_nothing_on_path_says_what_to_install_in_one_line(tmp_path: Path, platform: str, advice: str) -> None:
    with pytest.raises(BrowserNotFound) as missing:
        lookup(tmp_path, platform, path="")
    message = str(missing.value)
    assert message.startswith("No Chrome, Chromium or Edge found: install one (")
    assert advice in message and "CHROMIUM=/path/to/browser" in message
    assert "\n" not in message


def run_cli(**env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "curriculum.browser"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT / "scripts"), **env},
    )


def test_cli_prints_the_path_the_shell_scripts_use() -> None:
    result = run_cli(CHROMIUM="/bin/sh")
    assert result.returncode == 0 and result.stdout == "/bin/sh\n"


def test_cli_without_a_browser_exits_1_with_one_line_and_no_traceback(tmp_path: Path) -> None:
    result = run_cli(CHROMIUM=str(tmp_path / "none"), PATH="")
    assert result.returncode == 1 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and "is not an executable file" in result.stderr
