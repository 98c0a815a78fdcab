#!/usr/bin/env bash
# Build the frozen app with PyInstaller from the current virtualenv.
#
#   bash packaging/build.sh OUT_DIR [--onefile]
#
# OUT_DIR receives the app (OUT_DIR/FieldAssist/ one-folder, or OUT_DIR/FieldAssist one-file;
# FieldAssist.app on macOS) and PyInstaller's work files (OUT_DIR/work). The Python used is
# $PYTHON, else the active virtualenv's, else the repository's .venv; PyInstaller is
# installed into it when missing (it is a build tool, not a dependency of the app).
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "usage: $0 OUT_DIR [--onefile]" >&2
  exit 2
fi
root="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$1"
# Git Bash on Windows: hand the Windows spelling of the path to the (native) Python.
out="$(cd "$1" && { pwd -W 2>/dev/null || pwd; })"
shift
mode=()
for arg in "$@"; do
  case "$arg" in
    --onefile) mode=(--onefile) ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

if [ -n "${PYTHON:-}" ]; then
  py="$PYTHON"
elif [ -n "${VIRTUAL_ENV:-}" ]; then
  py="$VIRTUAL_ENV/bin/python"
  [ -x "$py" ] || py="$VIRTUAL_ENV/Scripts/python.exe"
elif [ -x "$root/.venv/bin/python" ]; then
  py="$root/.venv/bin/python"
elif [ -x "$root/.venv/Scripts/python.exe" ]; then
  py="$root/.venv/Scripts/python.exe"
else
  py="python3"
fi

if ! "$py" -c "import PyInstaller" 2>/dev/null; then
  echo "build: installing pyinstaller into $("$py" -c 'import sys; print(sys.prefix)')"
  "$py" -m pip install -q "pyinstaller>=6.10"
fi

started=$(date +%s)
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$out" --workpath "$out/work" \
  "$root/packaging/fieldassist.spec" -- "${mode[@]}"

app="$out/FieldAssist"
# libpython and the interpreter's own extension modules (lib-dynload) carry symbol tables
# (about 10 MB together); stripping those alone is safe, unlike PyInstaller's --strip, which
# also strips the wheels' auditwheel-grafted libraries (numpy's OpenBLAS) and breaks them.
if [ -d "$app" ] && command -v strip >/dev/null && [ "$(uname -s)" = "Linux" ]; then
  find "$app" -type f \( -name 'libpython3*.so*' -o -path '*/lib-dynload/*.so' \) \
    -exec strip --strip-unneeded {} +
fi
rm -rf "$out/work"
if [ -d "$app" ] && [ "$(uname -s)" = "Linux" ]; then
  # The technician's installer: copies the folder, adds the menu entry and icon.
  cp "$root/packaging/install-linux.sh" "$app/install-linux.sh"
fi

if [ -d "$app" ]; then
  size=$(du -sk "$app" | cut -f1)
  files=$(find "$app" -type f | wc -l)
  echo "build: $app: $((size / 1024)) MiB in $files files, $(( $(date +%s) - started )) s"
  # The one-folder budget (MB of apparent file sizes): a dependency that grows the bundle past
  # it fails the build here rather than reaching the technicians' downloads unnoticed.
  "$py" "$root/packaging/release_size.py" "$app" --max-mb "${FIELDASSIST_MAX_MB:-400}"
elif [ -e "$app" ] || [ -e "$app.exe" ]; then
  echo "build: one-file app in $out, $(( $(date +%s) - started )) s"
fi
