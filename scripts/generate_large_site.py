#!/usr/bin/env python3
"""Generate the real site N times larger, to measure how the checker scales.

Copies of the real pages under new names, nav included: every top-level
folder of docs/ (day-2/, facilitators/, ...) is copied to ``<name>-copyK/``
and every top-level page to ``<stem>-copyK.md``, for K = 1..N-1, and the
nav gets one section per copy. Relative links inside a copied folder stay
inside it; links to other top-level pages keep pointing at the originals.
Nothing in the repository is written: the site goes to a temporary folder
(or --out).

Benchmark (prints the build's time, the checker's own post-build time and
their ratio, for x1, x10 and x100):

    .venv/bin/python scripts/generate_large_site.py --bench 1 10 100

    .venv/bin/python scripts/generate_large_site.py --bench 1 10 100 --prune-nav   # x100 in minutes

One size by hand:

    .venv/bin/python scripts/generate_large_site.py --times 10 --out /tmp/large10
    .venv/bin/python scripts/check_site.py --config /tmp/large10/mkdocs.yml --timings
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from curriculum.checker.site import load_config

KEEP = {"assets", "includes", "data"}  # shared by every copy, not multiplied
#: A page with one of these markers gathers every day of the site (the
#: facilitator guide): each copy of it would gather every copy, so the content
#: would grow with the square of the size. Such pages are not copied (the
#: original still gathers every copied day).
SITE_WIDE_MARKERS = ("<!-- cur:facilitator-notes", "<!-- cur:agenda -->", "<!-- cur:answer-keys", "<!-- cur:facts -->")


def _site_wide(path: Path) -> bool:
    files = [path] if path.is_file() else list(path.rglob("*.md"))
    for file in files:
        text = file.read_text(encoding="utf-8", errors="replace")
        if any(marker in text for marker in SITE_WIDE_MARKERS) and "kind: day" not in text:
            return True
    return False


def _rename(path: str, k: int) -> str:
    head, _, rest = path.partition("/")
    if rest:
        return f"{head}-copy{k}/{rest}"
    stem = head[:-3] if head.endswith(".md") else head
    return f"{stem}-copy{k}.md"


def _rewrite_nav(items: Any, k: int) -> Any:
    if isinstance(items, str):
        return items if "://" in items else _rename(items, k)
    if isinstance(items, list):
        return [_rewrite_nav(item, k) for item in items]
    if isinstance(items, dict):
        return {f"{key} ({k})" if isinstance(key, str) else key: _rewrite_nav(value, k) for key, value in items.items()}
    return items


def _yaml_nav(items: Any, indent: int = 0) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for item in items:
        if isinstance(item, str):
            lines.append(f"{pad}- {item}")
        else:
            for key, value in item.items():
                title = '"' + str(key).replace('"', '\\"') + '"'
                if isinstance(value, list):
                    lines.append(f"{pad}- {title}:")
                    lines.extend(_yaml_nav(value, indent + 4))
                else:
                    lines.append(f"{pad}- {title}: {value}")
    return lines


def _drop(items: Any, skipped: set[str]) -> Any:
    """The nav without entries under a skipped top-level name."""
    if isinstance(items, str):
        return None if items.partition("/")[0] in skipped else items
    if isinstance(items, list):
        kept = [_drop(item, skipped) for item in items]
        return [item for item in kept if item not in (None, [], {})]
    if isinstance(items, dict):
        kept_items = {key: _drop(value, skipped) for key, value in items.items()}
        return {key: value for key, value in kept_items.items() if value not in (None, [], {})}
    return items


def generate(times: int, out: Path, prune_nav: bool = False) -> Path:
    """Write the site x``times`` into ``out``; return its mkdocs.yml.

    ``prune_nav`` adds Material's ``navigation.prune`` (each page renders
    only its own part of the navigation): the build of a x100 site then
    finishes in minutes, and the articles the checker reads are unchanged.
    """
    config_file = ROOT / "mkdocs.yml"
    config, text = load_config(config_file)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(ROOT / "docs", out / "docs", symlinks=True)
    (out / "overrides").symlink_to(ROOT / "overrides", target_is_directory=True)
    docs = out / "docs"
    originals = [p for p in sorted(docs.iterdir()) if p.name not in KEEP]
    skipped = {p.name for p in originals if _site_wide(p)}
    originals = [p for p in originals if p.name not in skipped]
    nav = list(config.get("nav") or [])
    copy_nav = _drop(config.get("nav") or [], skipped)
    for k in range(1, times):
        for entry in originals:
            if entry.is_dir():
                shutil.copytree(entry, docs / f"{entry.name}-copy{k}")
            elif entry.suffix == ".md":
                shutil.copy2(entry, docs / f"{entry.stem}-copy{k}.md")
        nav.append({f"Copy {k}": _rewrite_nav(copy_nav, k)})
    # Keep the real mkdocs.yml as written (tags, comments); point its hooks at
    # the repository and replace only the nav.
    head = text.split("\nnav:", 1)[0]
    head = head.replace("  - scripts/curriculum/", f"  - {(ROOT / 'scripts' / 'curriculum').as_posix()}/")
    if prune_nav:
        head = head.replace("  features:\n", "  features:\n    - navigation.prune\n", 1)
    (out / "mkdocs.yml").write_text(head + "\nnav:\n" + "\n".join(_yaml_nav(nav, 2)) + "\n", encoding="utf-8")
    return out / "mkdocs.yml"


TIMING = re.compile(r"^  (?P<name>\S.*?)\s+(?P<wall>\d+)\s+(?P<cpu>\d+)?\s*$")


def bench(sizes: list[int], prune_nav: bool) -> None:
    rows = []
    with tempfile.TemporaryDirectory(prefix="large-site-") as folder:
        for times in sizes:
            config = generate(times, Path(folder) / f"x{times}", prune_nav=prune_nav and times > 1)
            pages = sum(1 for _ in (config.parent / "docs").rglob("*.md")) - 1
            result = subprocess.run(
                [sys.executable, str(ROOT / "scripts" / "check_site.py"), "--config", str(config), "--timings", "--format", "json"],
                capture_output=True,
                text=True,
                check=False,
            )
            phases = {
                m.group("name").split(" (")[0]: (int(m.group("wall")), int(m.group("cpu") or 0))
                for line in result.stderr.splitlines()
                if (m := TIMING.match(line))
            }
            build = phases.get("mkdocs build --strict", (0, 0))
            after = phases.get("= checks after the build", (0, 0))
            sources = phases.get("read config and sources", (0, 0))
            own_cpu = after[1] + sources[1]
            rows.append((times, pages, build, after, own_cpu))
            print(
                f"x{times}: {pages} pages; build {build[0]} ms wall ({build[1]} ms cpu); checks after the build "
                f"{after[0]} ms wall ({after[1]} ms cpu); wall ratio {after[0] / max(build[0], 1):.3f}; "
                f"checker's own cpu (sources + checks) {own_cpu} ms",
                flush=True,
            )
    base = rows[0]
    print("\nsize  pages  build wall  checks wall  checks/build  checker cpu  cpu ms/page  growth: cpu / pages")
    for times, pages, build, after, own_cpu in rows:
        print(
            f"x{times:<4} {pages:>5} {build[0]:>11} {after[0]:>12} {after[0] / max(build[0], 1):>13.3f} {own_cpu:>12} "
            f"{own_cpu / pages:>12.2f}  {own_cpu / max(base[4], 1):.1f} / {pages / base[1]:.1f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--times", type=int, default=10, help="how many copies of the site (1 = the real site)")
    parser.add_argument("--out", type=Path, help="folder to write (default: a new temporary folder)")
    parser.add_argument(
        "--bench", type=int, nargs="+", metavar="N", help="generate each size, run the checker with --timings, print a table"
    )
    parser.add_argument("--prune-nav", action="store_true", help="add navigation.prune (sizes above 1 in --bench): the x100 build finishes")
    args = parser.parse_args()
    if args.bench:
        bench(args.bench, args.prune_nav)
        return 0
    out = args.out or Path(tempfile.mkdtemp(prefix="large-site-")) / f"x{args.times}"
    print(generate(args.times, out, args.prune_nav))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
