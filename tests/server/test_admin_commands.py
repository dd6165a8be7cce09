"""The operator's admin commands say what they did in words, in English like the rest of the
server's command line: a site made or found, a web user added (a refusal in English too), a
password set, a person disabled and enabled, notifications of any state or all, and the
counters with what they sent. The web users are made as docs/web.md shows."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import PROJECT_ROOT


def admin(url: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server", "admin", "--database-url", url, *args],
        input=stdin, capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120,
    )  # fmt: skip


def test_admin_commands_say_what_they_did(central):
    url = central.url
    made = admin(url, "add-site", "--name", "Asker")
    assert made.returncode == 0 and made.stdout.startswith("created site Asker: site_")
    again = admin(url, "add-site", "--name", "Asker")
    assert again.stdout == made.stdout.replace("created site", "site exists")
    short = admin(url, "add-web-user", "--login", "kari", "--name", "Kari", "--site", "Asker",
                  stdin="short\n")  # fmt: skip
    assert short.returncode == 2 and "The password needs at least 10 characters." in short.stderr
    added = admin(url, "add-web-user", "--login", "kari", "--name", "Kari Leder", "--site",
                  "Asker", stdin="kari-passord-2026\n")  # fmt: skip
    assert added.stdout.startswith("added web user kari (Kari Leder), centre manager of Asker: u_")
    reset = admin(url, "set-web-password", "--login", "kari", stdin="et nytt passord\n")
    assert reset.stdout.strip() == "password set for web user kari"
    off = admin(url, "disable-web-user", "--login", "kari")
    assert off.stdout.strip() == "web user kari can no longer sign in"
    assert central.scalar("SELECT active FROM web_users WHERE login = 'kari'") is False
    on = admin(url, "enable-web-user", "--login", "kari")
    assert on.stdout.strip() == "web user kari can sign in again"
    assert admin(url, "notifications", "--status", "withdrawn").stdout.strip() == (
        "no withdrawn notifications")
    assert admin(url, "notifications", "--status", "all").stdout.strip() == "no notifications"
    assert admin(url, "devices").stdout.strip() == "no counters are enrolled"
