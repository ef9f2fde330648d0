"""The checker's command line: output format, exit status, bad input, no side effects.

Also the real site: it must pass with zero errors (this test goes red while
content pages are being rewritten and have findings; that is its job).
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import curriculum
from checker_sites import FIXTURES, ROOT, TODAY, make_site, run, tree_hash
from curriculum.checker import rulesdoc
from curriculum.checker.cli import main
from curriculum.checker.rules import ALL_RULES
from curriculum.rules import Rule

SUMMARY = re.compile(r"^(\d+) errors, (\d+) warnings in (\d+) pages, (\d+) diagrams, (\d+) links checked$")


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    status = main([*args, "--today", TODAY.isoformat()])
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), captured.err


@pytest.fixture(scope="module")
def good_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_site(tmp_path_factory.mktemp("good") / "site")


def test_good_site_passes_and_is_not_modified(good_config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = tree_hash(good_config.parent)
    status, out, err = cli(capsys, "--config", str(good_config))
    assert tree_hash(good_config.parent) == before, "a check must not write into the checked site"
    assert status == 0, out
    assert SUMMARY.match(out[-1]), out
    errors, warnings, pages, diagrams, links = map(int, SUMMARY.match(out[-1]).groups())  # type: ignore[union-attr]
    assert (errors, warnings, pages, diagrams) == (0, 0, 4, 1) and links > 0
    assert "Traceback" not in err


def test_errors_exit_1_one_finding_per_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = make_site(tmp_path / "site", "links-bad")
    before = tree_hash(tmp_path / "site")
    status, out, _ = cli(capsys, "--config", str(config))
    assert tree_hash(tmp_path / "site") == before
    assert status == 1
    line = re.compile(r"^docs/index\.md:\d+:\d+: L1\d\d (warning: )?.+ \(.+\) \[[a-z0-9-]+\]$")
    assert all(line.match(text) for text in out[:-1]), out
    assert out[-1].startswith("7 errors, 1 warnings in 4 pages")


def test_warnings_fail_only_with_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = make_site(tmp_path / "site", "warning-only")
    status, out, _ = cli(capsys, "--config", str(config))
    assert status == 0 and out[-1].startswith("0 errors, 1 warnings"), out
    site_dir = tmp_path / "built"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site_dir)], check=True, capture_output=True)
    status, out, _ = cli(capsys, "--config", str(config), "--site-dir", str(site_dir), "--strict")
    assert status == 1 and "G101" in out[0], out


def test_json_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = make_site(tmp_path / "site", "hygiene-bad")
    status, out, _ = cli(capsys, "--config", str(config), "--format", "json")
    data = json.loads("\n".join(out))
    assert status == 1
    assert data["summary"]["errors"] == 5 and data["summary"]["pages"] == 4
    first = data["findings"][0]
    assert set(first) == {"path", "line", "col", "code", "name", "message", "hint", "severity"}
    assert (first["path"], first["line"], first["code"], first["name"]) == ("docs/assets/extra.js", 2, "P101", "placeholder")


def test_missing_config_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = cli(capsys, "--config", str(tmp_path / "mkdocs.yml"))
    assert status == 2 and out == []
    assert len(err.splitlines()) == 1 and "mkdocs.yml" in err and "C101" in err, err


def test_invalid_config_yaml_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nnav:\n  - [unclosed\n", encoding="utf-8")
    status, _, err = cli(capsys, "--config", str(tmp_path / "mkdocs.yml"))
    assert status == 2 and len(err.splitlines()) == 1 and "not valid YAML" in err, err


def test_empty_docs_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = make_site(tmp_path / "site")
    for page in (tmp_path / "site" / "docs").rglob("*.md"):
        page.unlink()
    status, out, _ = cli(capsys, "--config", str(config))
    assert status == 1
    assert out[0].startswith("mkdocs.yml:1:1: C102 docs folder 'docs' has no Markdown page"), out


def test_file_that_is_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = make_site(tmp_path / "site")
    (tmp_path / "site" / "docs" / "index.md").write_bytes("---\ntitle: Caf\xe9\n---\n\n# Caf\xe9\n".encode("latin-1"))
    status, out, err = cli(capsys, "--config", str(config))
    assert status == 1 and "Traceback" not in err
    assert any(line.startswith("docs/index.md:2:1: F101 file is not UTF-8") for line in out), out


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--format", "xml"])
    assert exit_info.value.code == 2


def test_missing_browser_is_one_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHROMIUM", str(tmp_path / "no-chromium"))
    result = run(make_site(tmp_path / "site"))
    assert [(f.code, f.path, f.line) for f in result.findings] == [("M100", "docs/day-2/session.md", 22)]
    assert "apt-get install chromium" in result.findings[0].message


def test_subprocess_build_gives_the_same_findings(tmp_path: Path) -> None:
    config = make_site(tmp_path / "site", "nav-bad")
    in_process = run(config, in_process=True)
    separate = run(config, in_process=False)
    assert [f.text() for f in separate.findings] == [f.text() for f in in_process.findings]
    assert {"N101", "N102"} == separate.codes()


def test_contributing_rule_list_is_generated_from_the_registry() -> None:
    """CONTRIBUTING.md's rule list is exactly what the declarations generate."""
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert rulesdoc.updated(contributing) == contributing, "run 'python scripts/check_site.py --write-rules' and commit CONTRIBUTING.md"
    section = contributing.split(rulesdoc.START, 1)[1].split(rulesdoc.END, 1)[0]
    assert all(f"`{rule.code}` {rule.name}" in section for rule in ALL_RULES)


def test_a_stale_rule_list_is_detected() -> None:
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    stale = contributing.replace("`P101` placeholder:", "`P101` placeholder: (edited by hand)")
    assert stale != contributing and rulesdoc.updated(stale) == contributing


def test_every_rule_object_anywhere_is_registered() -> None:
    """Every Rule declared in the core (model, source) or the checker is in the registry, once."""
    declared = {rule.code: rule for rule in ALL_RULES}
    assert len(declared) == len(ALL_RULES)
    found = []
    for info in pkgutil.walk_packages(curriculum.__path__, "curriculum."):
        if info.name.startswith("curriculum.hooks"):
            continue  # MkDocs hooks import MkDocs' build machinery; they declare no rules
        module = importlib.import_module(info.name)
        found += [value for value in vars(module).values() if isinstance(value, Rule)]
    assert found and all(declared.get(rule.code) is rule for rule in found), [r.code for r in found if declared.get(r.code) is not r]


def test_list_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--list-rules"]) == 0
    out = capsys.readouterr().out
    assert len(out.splitlines()) == len(ALL_RULES) and "P101  placeholder" in out


def test_fixtures_reference_hooks_like_the_real_config() -> None:
    text = (FIXTURES / "good" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "../../../../scripts/curriculum/hooks.py" in text
    assert "curriculum.mermaid_fence.fence_mermaid" in text and "curriculum.blocks" in text


def test_real_site_has_zero_errors() -> None:
    """The real site passes (red while content pages are being rewritten with findings)."""
    result = run(ROOT / "mkdocs.yml")
    assert [f.text() for f in result.errors] == []


def test_entry_script_reports_bad_input_without_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_site.py"), "--config", str(tmp_path / "mkdocs.yml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1 and "C101 mkdocs.yml: mkdocs.yml not found" in result.stderr, result.stderr


def test_build_log_lines_become_findings_at_the_source_line(tmp_path: Path) -> None:
    from curriculum.checker.rules import BY_CODE
    from curriculum.checker.rules.build import findings_from_log
    from curriculum.checker.site import open_site

    site = open_site(make_site(tmp_path / "site", "links-bad"), TODAY)
    log = "\n".join(
        [
            "INFO    -  Building documentation to directory: /tmp/x",
            "WARNING -  Doc file 'index.md' contains a link 'day-2/missing.md', but the target 'day-2/missing.md' is not found among documentation files.",
            "WARNING -  Doc file 'index.md' contains a link '#nowhere', but there is no such anchor on this page.",
            "WARNING -  A reference to 'day-2/ghost.md' is included in the 'nav' configuration, which is not found in the documentation files.",
            'WARNING -  The following pages exist in the docs directory, but are not included in the "nav" configuration:',
            "  - extra.md",
            "ERROR   -  docs/day-2/session.md:5: S104 'duration' must be a positive whole number (write e.g. 'duration: 90') (and 2 more: run 'python scripts/check_site.py')",
            "WARNING -  Something new that no rule knows about in 'index.md'.",
            "Aborted with 4 warnings in strict mode!",
        ]
    )
    found = sorted((f.path, f.line, f.code) for f in findings_from_log(site, log, BY_CODE))
    assert found == [
        ("docs/day-2/session.md", 5, "S104"),
        ("docs/extra.md", 1, "N101"),
        ("docs/index.md", 1, "B102"),
        ("docs/index.md", 7, "L101"),
        ("docs/index.md", 7, "L102"),
        ("mkdocs.yml", 1, "N102"),  # ghost.md is not in this config: line 1
    ]
