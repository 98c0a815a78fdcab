#!/usr/bin/env bash
# Install the one-folder Linux build for the current user (or system-wide with --system):
# copies the folder, puts a `FieldAssist` command on PATH, registers the menu entry and icon.
#
#   ./install-linux.sh            -> ~/.local/opt/FieldAssist, ~/.local/bin/FieldAssist
#   sudo ./install-linux.sh --system  -> /opt/FieldAssist, /usr/local/bin/FieldAssist
#
# Run it from the unpacked build folder (it sits next to the FieldAssist executable).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ "${1:-}" = "--system" ]; then
  prefix=/opt; bin=/usr/local/bin; share=/usr/local/share
else
  prefix="$HOME/.local/opt"; bin="$HOME/.local/bin"; share="${XDG_DATA_HOME:-$HOME/.local/share}"
fi
target="$prefix/FieldAssist"
res="$here/_internal/resources"
[ -x "$here/FieldAssist" ] || { echo "run this from the FieldAssist folder" >&2; exit 1; }

mkdir -p "$prefix" "$bin" "$share/applications" "$share/icons/hicolor/256x256/apps"
if [ "$here" != "$target" ]; then
  rm -rf "$target.new"
  cp -a "$here" "$target.new"
  rm -rf "$target"
  mv "$target.new" "$target"
fi
ln -sf "$target/FieldAssist" "$bin/FieldAssist"
cp "$res/icons/fieldassist.png" "$share/icons/hicolor/256x256/apps/fieldassist.png"
# The menu entry runs the installed copy by its absolute path (PATH may lack ~/.local/bin).
sed -e "s|^Exec=.*|Exec=$target/FieldAssist|" -e "s|^TryExec=.*|TryExec=$target/FieldAssist|" \
  "$res/fieldassist.desktop" > "$share/applications/fieldassist.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
echo "FieldAssist installed in $target (command: $bin/FieldAssist)"
