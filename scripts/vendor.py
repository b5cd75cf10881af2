"""Fetch the pinned browser libraries the site vendors (`make vendor`): download the npm tarball, check it against
the registry's recorded integrity hash, and copy the browser build and its licence under
overrides/assets/javascripts/vendor/. Nothing is fetched at build or run time; the copies are committed."""
from __future__ import annotations

import base64
import hashlib
import io
import sys
import tarfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "overrides" / "assets" / "javascripts" / "vendor"

# name -> pinned version, the tarball's sha512 (npm's dist.integrity) and which files to keep, as tarball path -> copy
PACKAGES = {
    "ts-fsrs": {
        "version": "5.4.2",
        "integrity": "sha512-z4qop4pzTcyTzuJ566d9EaX/4bZZzhYfeaPImfVr+xcYT65c5oBgFDijUhCE/D+C78eaolHIhKRZ04/RwF+v2g==",
        "files": {"package/dist/index.umd.js": "ts-fsrs/ts-fsrs.umd.js", "package/LICENSE": "ts-fsrs/LICENSE"},
    },
}


def tarball_url(name: str, version: str) -> str:
    return f"https://registry.npmjs.org/{name}/-/{name}-{version}.tgz"


def fetch(name: str, spec: dict) -> list[Path]:
    with urllib.request.urlopen(tarball_url(name, spec["version"]), timeout=60) as response:
        blob = response.read()
    digest = "sha512-" + base64.b64encode(hashlib.sha512(blob).digest()).decode()
    if digest != spec["integrity"]:
        raise SystemExit(f"{name} {spec['version']}: tarball hash {digest} differs from the pinned {spec['integrity']}")
    written = []
    with tarfile.open(fileobj=io.BytesIO(blob), mode="r:gz") as tar:
        for member, target in spec["files"].items():
            out = VENDOR / target
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(tar.extractfile(member).read())
            written.append(out)
    (VENDOR / name / "VERSION").write_text(f"{name} {spec['version']} {spec['integrity']}\n", encoding="utf-8")
    return written


def main() -> int:
    for name, spec in PACKAGES.items():
        for path in fetch(name, spec):
            print(f"{name} {spec['version']}: {path.relative_to(ROOT)} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
