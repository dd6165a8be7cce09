#!/usr/bin/env bash
# Debian packages the test suite uses: poppler-utils (PDF checks), socat (a serial scanner on a
# pty), openssl (an independent check of our signatures), postgresql (the central server's
# tests start a throwaway cluster on loopback), faketime (the command line run with the PC's
# clock set to another time), sqlite3 (the store edited as an insider would, in tamper tests),
# chromium and chromium-driver (the web back office in a browser); xvfb, xdotool and
# x11-xkb-utils (the counter in a real X server, typed at by a wedge scanner:
# tests/acceptance/xsession.py) with the xcb libraries Qt's X11 platform plugin loads;
# libpulse0 (QtMultimedia, the refused-scan sound). Installs only what is missing; needs root
# (CI and the development machines run as root).
set -euo pipefail
needed=()
command -v pdftoppm >/dev/null 2>&1 || needed+=(poppler-utils)
command -v socat >/dev/null 2>&1 || needed+=(socat)
command -v openssl >/dev/null 2>&1 || needed+=(openssl)
command -v faketime >/dev/null 2>&1 || needed+=(faketime)
command -v sqlite3 >/dev/null 2>&1 || needed+=(sqlite3)
pgbin=$(pg_config --bindir 2>/dev/null || true)
[ -n "$pgbin" ] && [ -x "$pgbin/initdb" ] || needed+=(postgresql)
command -v chromium >/dev/null 2>&1 || needed+=(chromium)
command -v chromedriver >/dev/null 2>&1 || needed+=(chromium-driver)
command -v Xvfb >/dev/null 2>&1 || needed+=(xvfb)
command -v xdotool >/dev/null 2>&1 || needed+=(xdotool)
command -v xkbcomp >/dev/null 2>&1 || needed+=(x11-xkb-utils)
for package in libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
    libxcb-render-util0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0 libpulse0; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || needed+=("$package")
done
if [ ${#needed[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "missing system packages: ${needed[*]} (install them with apt-get as root)" >&2
        exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${needed[@]}" >/dev/null
fi
