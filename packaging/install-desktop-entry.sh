#!/usr/bin/env bash
# Put "Omigjen kasse" in the desktop menu of the counter PC's user (Linux, freedesktop).
# Run after `make run` has created .venv once. Usage: bash packaging/install-desktop-entry.sh
set -euo pipefail
project="$(cd "$(dirname "$0")/.." && pwd)"
target="${XDG_DATA_HOME:-$HOME/.local/share}/applications/omigjen-pos.desktop"
mkdir -p "$(dirname "$target")"
sed "s|@PROJECT@|$project|g" "$project/packaging/omigjen-pos.desktop" > "$target"
chmod 644 "$target"
echo "installed $target"
