"""A counter that cannot reach the server says so in the interface's language: the reason
is the counter's own finding (no answer), not an English phrase inside a bokmål line."""

from __future__ import annotations

import socket

from cli.sync_commands import _sync_until_drained
from sync.http import ServerApi
from tests.cli.test_cli import run


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_enrol_to_a_silent_server_says_why_in_bokmal_and_english(tmp_path):
    run(tmp_path, "demo")
    url = f"http://127.0.0.1:{closed_port()}"
    enrol = ("enrol", "--server", url, "--code", "ABCD-EFGH-JKLM", "--insecure")
    said = run(tmp_path, *enrol, check=False)
    assert said.returncode == 3
    assert "registreringen mislyktes: serveren svarer ikke (ConnectionError)" in said.stderr
    assert "unreachable" not in said.stderr
    english = run(tmp_path, "--lang", "en", *enrol, check=False)
    assert "enrolment failed: server unreachable: ConnectionError" in english.stderr


def test_sync_to_a_silent_server_says_why_in_bokmal(capsys):
    api = ServerApi(f"http://127.0.0.1:{closed_port()}")

    def cycle():
        api.get_json("/v1/health")

    assert _sync_until_drained(cycle, max_wait=0) == 3
    said = capsys.readouterr().err
    assert "synkroniseringen mislyktes: serveren svarer ikke (ConnectionError)" in said
    assert "unreachable" not in said
