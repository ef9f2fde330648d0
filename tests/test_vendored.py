"""The vendored browser files are exactly what docs/assets/vendor/manifest.json
records: Mermaid 11.x and the iframe-worker polyfill, each
with its MIT licence beside it. scripts/vendor_assets.py is the only way they
change; the build hook refuses a mismatch (tests/test_broken_site.py).
"""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from sitebuild import ROOT

VENDOR = ROOT / "docs" / "assets" / "vendor"
MANIFEST = json.loads((VENDOR / "manifest.json").read_text(encoding="utf-8"))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_manifest_lists_mermaid_and_iframe_worker() -> None:
    assert set(MANIFEST) == {"mermaid", "iframe-worker"}
    assert MANIFEST["mermaid"]["source"] == "dist/mermaid.min.js"
    assert MANIFEST["iframe-worker"]["source"] == "shim/index.js"


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_vendored_file_matches_its_recorded_sha256(name: str) -> None:
    entry = MANIFEST[name]
    path = VENDOR / entry["file"]
    assert path.is_file(), f"{path} is missing: run 'python scripts/vendor_assets.py'"
    assert re.fullmatch(r"[0-9a-f]{64}", entry["sha256"])
    assert sha256(path.read_bytes()) == entry["sha256"], f"{path} differs from manifest.json: run 'python scripts/vendor_assets.py'"


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_vendored_file_has_its_mit_licence_beside_it(name: str) -> None:
    entry = MANIFEST[name]
    assert entry["license"] == "MIT"
    licence = (VENDOR / entry["file"]).parent / "LICENSE"
    text = licence.read_text(encoding="utf-8")
    assert "Permission is hereby granted, free of charge" in text, f"{licence} is not the MIT licence"


def test_mermaid_is_pinned_to_11x_and_the_file_is_that_version() -> None:
    version = MANIFEST["mermaid"]["version"]
    assert re.fullmatch(r"11\.\d+\.\d+", version), version
    library = (VENDOR / MANIFEST["mermaid"]["file"]).read_text(encoding="utf-8")
    assert f'"{version}"' in library, f"mermaid.min.js does not contain its version string {version}"
    assert "The MIT License" in (VENDOR / "mermaid" / "LICENSE").read_text(encoding="utf-8")


def test_the_build_renders_with_the_vendored_copy() -> None:
    from curriculum.diagrams import MERMAID_SCRIPT

    assert MERMAID_SCRIPT.as_posix() == f"assets/vendor/{MANIFEST['mermaid']['file']}"


def test_built_site_ships_the_same_bytes_and_no_mermaid(site) -> None:
    for name, entry in MANIFEST.items():
        built = site.root / "assets" / "vendor" / entry["file"]
        if name == "mermaid":  # a build tool: readers get SVG (mkdocs.yml, exclude_docs)
            assert not built.exists(), f"{built} is published; it should only be used by the build"
            continue
        assert sha256(built.read_bytes()) == entry["sha256"], f"{name}: the built copy differs"
    assert not list(site.root.rglob("mermaid*.js")), "a Mermaid script is in the built site"
