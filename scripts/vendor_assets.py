"""Refresh the third-party browser files the site ships, from the npm registry.

The site is air-gapped: nothing a reader loads may come from another host, so
the Mermaid library, the iframe-worker polyfill used by the offline copy and
the diagram font (Inter, from ``@fontsource/inter``: its Latin subset in two
weights) are committed under ``docs/assets/vendor/``. This script is the only
way they change: it fetches a pinned version with ``npm pack`` (so it uses
whatever registry npm is configured for), copies the file the site needs and
the package's licence, and records version, licence and SHA-256 in
``manifest.json``, which a test and the build check against the files. An
entry whose npm package differs from its name says so in ``package``.

Usage::

    python scripts/vendor_assets.py                  # re-fetch the pinned versions
    python scripts/vendor_assets.py --mermaid 11.18.0  # move Mermaid to another 11.x
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR_DIR = ROOT / "docs" / "assets" / "vendor"
MANIFEST = VENDOR_DIR / "manifest.json"


@dataclass(frozen=True)
class Package:
    """One npm package and the single file of it that the site serves."""

    name: str  # the manifest entry
    version: str
    file: str  # path inside the npm tarball's ``package/`` folder
    package: str = ""  # the npm package, when it is not ``name``
    folder: str = ""  # the folder under docs/assets/vendor/, when it is not ``name``
    license: str = "MIT"

    @property
    def npm_name(self) -> str:
        return self.package or self.name

    @property
    def target(self) -> Path:
        return VENDOR_DIR / (self.folder or self.name) / Path(self.file).name


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_manifest() -> dict[str, dict[str, str]]:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


def pinned_packages() -> list[Package]:
    """The packages as the manifest pins them today."""
    return [
        Package(
            name,
            entry["version"],
            entry["source"],
            entry.get("package", ""),
            Path(entry["file"]).parent.as_posix(),
            entry.get("license", "MIT"),
        )
        for name, entry in load_manifest().items()
    ]


def fetch(package: Package, workdir: Path) -> dict[str, str]:
    """Download one package tarball and copy its file and licence into place."""
    spec = f"{package.npm_name}@{package.version}"
    result = subprocess.run(
        ["npm", "pack", spec, "--silent", "--pack-destination", str(workdir)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"npm pack {spec} failed: {result.stderr.strip().splitlines()[-1:]}")
    tarball = workdir / result.stdout.strip().splitlines()[-1]
    with tarfile.open(tarball) as archive:
        archive.extractall(workdir / package.name, filter="data")
    unpacked = workdir / package.name / "package"
    package.target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(unpacked / package.file, package.target)
    shutil.copyfile(unpacked / "LICENSE", package.target.parent / "LICENSE")
    entry = {"package": package.npm_name} if package.package else {}
    return entry | {
        "version": package.version,
        "source": package.file,
        "file": package.target.relative_to(VENDOR_DIR).as_posix(),
        "sha256": sha256(package.target),
        "license": package.license,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mermaid", help="Mermaid version to vendor (must be 11.x)")
    parser.add_argument("--iframe-worker", dest="iframe_worker", help="iframe-worker version")
    parser.add_argument("--inter", help="@fontsource/inter version (the diagram font)")
    args = parser.parse_args(argv)

    if shutil.which("npm") is None:
        print("vendor_assets: npm is not installed; install Node.js 20 and npm first", file=sys.stderr)
        return 2
    if args.mermaid and not args.mermaid.startswith("11."):
        print("vendor_assets: the site pins Mermaid 11.x (12 needs Node 22 and a new Material)", file=sys.stderr)
        return 2

    overrides = {"mermaid": args.mermaid, "iframe-worker": args.iframe_worker}
    manifest: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for package in pinned_packages():
            override = overrides.get(package.name) or (args.inter if package.npm_name == "@fontsource/inter" else None)
            version = override or package.version
            manifest[package.name] = fetch(
                Package(package.name, version, package.file, package.package, package.folder, package.license), Path(tmp)
            )
            print(f"vendored {package.name}@{version} -> {manifest[package.name]['file']}")
    MANIFEST.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
