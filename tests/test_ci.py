"""CI runs the README's test command, and the deploy builds strictly for Pages.
GitHub runs the workflows; these tests keep their
contract from drifting.
"""

from __future__ import annotations

import re

import yaml

from sitebuild import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key 'on' as True
    return data


def steps(job: dict) -> list[str]:
    return [step.get("run", "") or step.get("uses", "") for step in job["steps"]]


def test_readme_commands_are_the_ones_ci_and_ci_run_use() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```sh\n(.*?)```", readme, re.DOTALL)
    assert first_block, "README.md must open with a sh code block"
    commands = [line.split("#")[0].strip() for line in first_block.group(1).splitlines()]
    assert commands[0].startswith("git clone ")
    assert commands[1:] == ["bash scripts/serve.sh", "bash scripts/test.sh"]
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()[-1] == "exec bash scripts/test.sh"


def test_pull_requests_run_the_test_command_in_debian() -> None:
    workflow = load("pr.yml")
    assert "pull_request" in workflow["on"]
    job = workflow["jobs"]["test"]
    assert job["container"].startswith("debian:")
    assert steps(job)[-1] == "bash scripts/test.sh"
    assert any(step.startswith("actions/checkout@") for step in steps(job))


def test_pages_deploys_a_strict_build_from_main() -> None:
    workflow = load("pages.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    build = workflow["jobs"]["build"]
    build_step = next(step for step in build["steps"] if "mkdocs build" in step.get("run", ""))
    assert "--strict" in build_step["run"] and " -q" not in build_step["run"]
    assert "base_url" in build_step["env"]["SITE_URL"]
    # The build renders diagrams in Chromium: a step before it finds or installs one.
    runs = [step.get("run", "") for step in build["steps"]]
    assert any("ensure_chromium" in run for run in runs[: runs.index(build_step["run"])])
    uses = steps(build) + steps(workflow["jobs"]["deploy"])
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"


def test_pull_request_template_has_the_checklist() -> None:
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    for item in ("bash scripts/test.sh", "accTitle", "illustrative", "objective"):
        assert item in template, item
    assert template.count("- [ ]") >= 5
