"""Measure the one-folder build, pack the release archive, and report both sizes.

    python packaging/release_size.py APP [--archive OUT] [--max-mb 400] [--aim-archive-mb 150]

APP is the one-folder app (OUT_DIR/FieldAssist, or FieldAssist.app on macOS). The folder's
size is the sum of its regular files' apparent sizes (what a download unpacks to) in MB of
2**20 bytes, the unit build.sh has always printed ("390 MiB" was the figure the 400 budget was
set against); a folder over --max-mb fails (exit 1). With --archive, the release archive is
written there (tar.gz on Linux, zip elsewhere; macOS uses `ditto`, which keeps the bundle's
symlinks and attributes) and its size is reported; over --aim-archive-mb is a warning, not a
failure. The report is a table, then one JSON line; on GitHub Actions it is also added to the
job summary.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

MIB = 1024 * 1024
MAX_FOLDER_MB = 400.0
AIM_ARCHIVE_MB = 150.0


def folder_mb(folder: Path) -> tuple[float, int]:
    """Apparent size in MiB and file count; symlinks count once, at their target."""
    total, files = 0, 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            files += 1
    return total / MIB, files


def pack(app: Path, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    if sys.platform == "darwin" and shutil.which("ditto"):
        subprocess.run(
            ["ditto", "-c", "-k", "--sequesterRsrc", "--keepParent", str(app), str(out)],
            check=True,
        )
    elif out.name.endswith((".tar.gz", ".tgz")):
        with tarfile.open(out, "w:gz", compresslevel=6) as tar:
            tar.add(app, arcname=app.name)  # symlinks are kept as symlinks
    else:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for path in sorted(app.rglob("*")):
                if path.is_file():
                    archive.write(path, Path(app.name) / path.relative_to(app))


def default_archive_name(app: Path) -> str:
    return f"{app.stem}.tar.gz" if sys.platform.startswith("linux") else f"{app.stem}.zip"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app", type=Path)
    parser.add_argument("--archive", type=Path, help="write the release archive here")
    parser.add_argument("--max-mb", type=float, default=MAX_FOLDER_MB)
    parser.add_argument("--aim-archive-mb", type=float, default=AIM_ARCHIVE_MB)
    args = parser.parse_args(argv)
    if not args.app.is_dir():
        print(f"release_size: no app folder at {args.app}", file=sys.stderr)
        return 2

    size, files = folder_mb(args.app)
    rows = [
        ("one-folder size (MiB)", f"{size:.0f}", f"<= {args.max_mb:.0f}"),
        ("files", str(files), ""),
    ]
    archive_mb = None
    if args.archive is not None:
        archive = args.archive
        if archive.is_dir():
            archive = archive / default_archive_name(args.app)
        pack(args.app, archive)
        archive_mb = archive.stat().st_size / MIB
        rows.append(
            (
                f"archive {archive.name} (MiB)",
                f"{archive_mb:.0f}",
                f"aim <= {args.aim_archive_mb:.0f}",
            )
        )

    lines = [f"{'measure':<36} {'value':>8}  target"]
    lines += [f"{name:<36} {value:>8}  {target}" for name, value, target in rows]
    print("\n".join(lines))
    result = {
        "bench": "release_size",
        "folder_mb": round(size, 1),
        "files": files,
        "archive_mb": round(archive_mb, 1) if archive_mb is not None else None,
        "max_folder_mb": args.max_mb,
        "aim_archive_mb": args.aim_archive_mb,
    }
    print(json.dumps(result, separators=(",", ":")))
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as fh:
            fh.write("| measure | value | target |\n|---|---:|---|\n")
            fh.writelines(f"| {n} | {v} | {t} |\n" for n, v, t in rows)
    if archive_mb is not None and archive_mb > args.aim_archive_mb:
        print(
            f"release_size: warning: archive {archive_mb:.0f} MiB"
            f" > aim {args.aim_archive_mb:.0f} MiB"
        )
    if size > args.max_mb:
        print(
            f"release_size: one-folder build {size:.0f} MiB > {args.max_mb:.0f} MiB",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
