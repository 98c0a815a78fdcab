"""Collect the third-party notices of what a PyInstaller build actually bundles.

PyInstaller copies almost no licence files (see docs/PACKAGING.md), yet the LGPL/MPL/Apache
components require their notices to travel with the app. The spec calls `collect()` after
the analysis, with the lists PyInstaller made, so the notices follow the real bundle contents
rather than a hand-kept list:

- Python distributions: found from the bundled top-level modules through
  importlib.metadata.packages_distributions(); their dist-info licence files are copied
  (the files named by License-File, or LICENSE*/COPYING*/NOTICE* in the dist-info).
- Host libraries (Linux): each bundled library from /usr or /lib is mapped to its Debian
  package with `dpkg -S`, whose /usr/share/doc/<pkg>/copyright is copied.
- Fixed texts committed in resources/licenses/ (LGPL-3.0, GPL-3.0, the Qt notice) are
  copied as they are.

It can also run alone to preview the notices for the current environment:
    .venv/bin/python packaging/licenses.py OUT_DIR
"""

from __future__ import annotations

import importlib.metadata as md
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

LICENCE_PREFIXES = ("LICENSE", "LICENCE", "COPYING", "NOTICE", "AUTHORS")
SYSTEM_PREFIXES = ("/usr/", "/lib/", "/lib64/")


def _dist_licence_files(dist: md.Distribution) -> list[tuple[str, bytes]]:
    found: dict[str, bytes] = {}
    for file in dist.files or []:
        parts = file.parts
        in_meta = parts[0].endswith(".dist-info")
        name = parts[-1]
        if in_meta and name.upper().startswith(LICENCE_PREFIXES):
            try:
                found["/".join(parts[1:])] = file.read_binary()
            except OSError:
                continue
    return sorted(found.items())


def _field(meta: md.PackageMetadata, name: str) -> str:
    values = meta.get_all(name) or []
    return str(values[0]).strip() if values else ""


def _write_python_notices(top_levels: Iterable[str], dest: Path) -> list[str]:
    mapping = md.packages_distributions()
    names = sorted({d for top in top_levels for d in mapping.get(top, [])})
    written = []
    for name in names:
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            continue
        folder = dest / "python-packages" / dist.metadata["Name"]
        folder.mkdir(parents=True, exist_ok=True)
        meta = dist.metadata
        # PackageMetadata has no typed get(); missing fields read as None through get_all.
        declared = _field(meta, "License-Expression") or _field(meta, "License") or "(none)"
        home = _field(meta, "Home-page") or _field(meta, "Project-URL")
        summary = [
            f"{meta['Name']} {dist.version}",
            f"Licence declared: {declared.splitlines()[0]}",
            f"Home page: {home}",
        ]
        (folder / "PACKAGE.txt").write_text("\n".join(summary) + "\n")
        for rel, data in _dist_licence_files(dist):
            target = folder / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        written.append(name)
    return written


def _debian_package(path: str) -> str | None:
    if shutil.which("dpkg") is None:
        return None
    done = subprocess.run(
        ["dpkg", "-S", str(Path(path).resolve())], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        done = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True, check=False)
    if done.returncode != 0 or ":" not in done.stdout:
        return None
    return done.stdout.split(":", 1)[0].strip()


def _write_system_notices(sources: Iterable[str], dest: Path) -> list[str]:
    packages: dict[str, list[str]] = {}
    for src in sources:
        if src.startswith(SYSTEM_PREFIXES) and "site-packages" not in src:
            pkg = _debian_package(src)
            packages.setdefault(pkg or "unknown", []).append(Path(src).name)
    for pkg, libs in packages.items():
        folder = dest / "system-libraries" / pkg
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "LIBRARIES.txt").write_text("\n".join(sorted(libs)) + "\n")
        copyright_file = Path("/usr/share/doc") / pkg / "copyright"
        if copyright_file.is_file():
            shutil.copyfile(copyright_file, folder / "copyright")
    return sorted(packages)


def collect(
    modules: Iterable[str], binaries: Iterable[tuple[str, str]], dest: Path, fixed: Path
) -> dict[str, list[str]]:
    """Write the notices into `dest` (emptied first).

    modules: bundled module names (dotted); binaries: (dest name, source path) pairs.
    """
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    if fixed.is_dir():
        for item in fixed.iterdir():
            if item.is_file():
                shutil.copyfile(item, dest / item.name)
    binaries = list(binaries)
    tops = {m.split(".")[0] for m in modules}
    tops |= {Path(name).parts[0] for name, _ in binaries if len(Path(name).parts) > 1}
    version = f"python{sys.version_info[0]}.{sys.version_info[1]}"
    base = Path(sys.base_prefix)
    for python_licence in (base / "lib" / version / "LICENSE.txt", base / "LICENSE.txt"):
        if python_licence.is_file():  # POSIX layout, then Windows
            shutil.copyfile(python_licence, dest / "Python-LICENSE.txt")
            break
    return {
        "python": _write_python_notices(tops, dest),
        "system": _write_system_notices((src for _, src in binaries), dest),
    }


if __name__ == "__main__":
    out = Path(sys.argv[1])
    root = Path(__file__).resolve().parents[1]
    mods = [m for m in sys.modules if not m.startswith("_")]
    result = collect(mods, [], out, root / "resources" / "licenses")
    print(result)
