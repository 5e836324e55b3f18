"""``make vendor``: the map's libraries from the npm registry, copied into the package so
that the site serves them itself (no request to another host).

Leaflet (BSD-2-Clause), world-atlas (ISC; Natural Earth's 1:110m country outlines, public
domain) and topojson-client (ISC), at the versions below; each with its licence. Run it to
update them (change a version here), then commit the files it writes."""

from __future__ import annotations

import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

TARGET = Path(__file__).parents[1] / "build_tools" / "archive" / "assets" / "vendor"
#: package@version -> files to take from its tarball (under package/), each saved by name.
PACKAGES = {
    "leaflet@1.9.4": ["dist/leaflet.js", "dist/leaflet.css", "LICENSE"],
    "world-atlas@2.0.2": ["countries-110m.json", "LICENSE"],
    "topojson-client@3.1.0": ["dist/topojson-client.min.js", "LICENSE"],
}


def main() -> int:
    TARGET.mkdir(parents=True, exist_ok=True)
    lines = ["# Vendored for the map (`make vendor`, tools/vendor.py); do not edit.", ""]
    with tempfile.TemporaryDirectory() as folder:
        for spec, files in PACKAGES.items():
            done = subprocess.run(["npm", "pack", spec, "--silent"], cwd=folder, check=True,
                                  capture_output=True, text=True)  # fmt: skip
            tarball = Path(folder) / done.stdout.strip().splitlines()[-1]
            name = spec.rsplit("@", 1)[0]
            with tarfile.open(tarball) as archive:
                for member in files:
                    source = archive.extractfile(f"package/{member}")
                    saved = Path(member).name if member != "LICENSE" else f"{name}.LICENSE"
                    with open(TARGET / saved, "wb") as out:
                        shutil.copyfileobj(source, out)
                    lines.append(f"- `{saved}`: {spec} `{member}`")
    (TARGET / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
