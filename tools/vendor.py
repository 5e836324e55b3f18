"""``make vendor``: third-party files from the npm registry, copied into the repository so
that nothing is fetched from another host, neither by the site nor by the tests.

For the map, into the package (the site serves them itself): Leaflet (BSD-2-Clause),
world-atlas (ISC; Natural Earth's 1:110m country outlines, public domain) and
topojson-client (ISC). For the browser tests only, into tests/vendor/ (never shipped):
axe-core (MPL-2.0), the accessibility checker. Each comes with its licence, at the versions
below. Run it to update them (change a version here; ``tools/vendor.py tests`` refreshes one
target), then commit the files it writes."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).parents[1]


@dataclass(frozen=True)
class Target:
    """A folder of vendored files: what they are for, and package@version -> the files to
    take from its tarball (under package/), each saved by its name (a licence file by the
    package's name and its own: ``leaflet.LICENSE``)."""

    folder: Path
    purpose: str
    packages: dict[str, list[str]]


TARGETS = {
    "map": Target(
        ROOT / "build_tools" / "archive" / "assets" / "vendor",
        "the map",
        {
            "leaflet@1.9.4": ["dist/leaflet.js", "dist/leaflet.css", "LICENSE"],
            "world-atlas@2.0.2": ["countries-110m.json", "LICENSE"],
            "topojson-client@3.1.0": ["dist/topojson-client.min.js", "LICENSE"],
        },
    ),
    "tests": Target(
        ROOT / "tests" / "vendor",
        "the accessibility test, tests/test_browser_accessibility.py",
        {"axe-core@4.14.1": ["axe.min.js", "LICENSE", "LICENSE-3RD-PARTY.txt"]},
    ),
}


def saved_name(package: str, member: str) -> str:
    """The name a file from a package's tarball is saved under."""
    name = Path(member).name
    return f"{package}.{name}" if name.startswith("LICENSE") else name


def vendor(target: Target) -> None:
    """Fetch each package of target with ``npm pack`` and write the files it takes."""
    target.folder.mkdir(parents=True, exist_ok=True)
    lines = [f"# Vendored for {target.purpose} (`make vendor`, tools/vendor.py); do not edit.", ""]
    with tempfile.TemporaryDirectory() as folder:
        for spec, files in target.packages.items():
            done = subprocess.run(["npm", "pack", spec, "--silent"], cwd=folder, check=True,
                                  capture_output=True, text=True)  # fmt: skip
            tarball = Path(folder) / done.stdout.strip().splitlines()[-1]
            package = spec.rsplit("@", 1)[0]
            with tarfile.open(tarball) as archive:
                for member in files:
                    source = archive.extractfile(f"package/{member}")
                    saved = saved_name(package, member)
                    with open(target.folder / saved, "wb") as out:
                        shutil.copyfileobj(source, out)
                    lines.append(f"- `{saved}`: {spec} `{member}`")
    (target.folder / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("targets", nargs="*", metavar="TARGET",
                        help=f"what to refresh: {', '.join(TARGETS)} (default: all)")  # fmt: skip
    names = parser.parse_args(argv).targets or list(TARGETS)
    if unknown := [name for name in names if name not in TARGETS]:
        parser.error(f"unknown target {', '.join(unknown)}: choose from {', '.join(TARGETS)}")
    for name in names:
        vendor(TARGETS[name])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
