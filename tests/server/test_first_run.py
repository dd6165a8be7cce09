"""A new operator's first commands on an empty PostgreSQL database: any admin task creates the
schema first (or says how to), an enrolment code for a site that does not exist yet says
how to create it, and ``serve`` says where it answers and what is not configured."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import requests

from tests.central import free_port
from tests.conftest import PROJECT_ROOT

_names = itertools.count(1)


def admin(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server", "admin", "--database-url", url, *args],
        capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120,
    )  # fmt: skip


def empty_database(pg_cluster) -> str:  # type: ignore[no-untyped-def]
    return str(pg_cluster.create_database(f"empty{next(_names)}"))


def test_the_first_admin_command_on_an_empty_database_creates_the_schema(pg_cluster):
    url = empty_database(pg_cluster)
    unknown = admin(url, "enrolment-code", "--site", "Asker")
    assert unknown.returncode == 2
    assert "server schema created" in unknown.stderr and "Traceback" not in unknown.stderr
    assert "no site named 'Asker'" in unknown.stderr
    assert "create it with: omigjen-server admin add-site --name Asker" in unknown.stderr
    assert admin(url, "add-site", "--name", "Asker").returncode == 0
    made = admin(url, "enrolment-code", "--site", "Asker")
    assert made.returncode == 0 and "valid once" in made.stderr
    assert len(made.stdout.strip()) == 14 and made.stdout.count("-") == 2  # just the code
    again = admin(url, "admin-token")
    assert again.returncode == 0 and "schema" not in again.stderr  # up to date: nothing said


def test_a_user_who_cannot_create_the_schema_is_told_to_run_migrate_as_the_owner(pg_cluster):
    url = empty_database(pg_cluster)
    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute("DROP ROLE IF EXISTS clerk")
        conn.execute("CREATE ROLE clerk LOGIN")
    clerk = url.replace("postgres@", "clerk@")
    refused = admin(clerk, "admin-token")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "omigjen-server admin migrate" in refused.stderr and "owner" in refused.stderr
    assert admin(url, "migrate").returncode == 0


def test_an_unreachable_database_is_said_with_what_to_check(pg_cluster):
    gone = "postgresql+psycopg://postgres@127.0.0.1:9/nowhere"
    done = admin(gone, "admin-token")
    assert done.returncode == 2 and done.stderr.startswith("cannot use the database")
    assert "is PostgreSQL running and listening on 127.0.0.1:9?" in done.stderr
    assert "Traceback" not in done.stderr


def test_serve_says_where_it_answers_warns_of_what_is_missing_and_logs_each_request(
    pg_cluster, tmp_path
):
    url, port = empty_database(pg_cluster), free_port()
    log = tmp_path / "server.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "server", "serve", "--database-url", url, "--port", str(port)],
            cwd=PROJECT_ROOT, stdout=out, stderr=subprocess.STDOUT,
            env={k: v for k, v in os.environ.items() if not k.startswith("OMIGJEN_")},
        )  # fmt: skip
    try:
        said = wait_for_line(log, server, "Uvicorn running")
        assert f"web back office at http://127.0.0.1:{port}/" in said
        assert "server schema created" in said
        assert "warning: no TLS certificate" in said
        assert "warning: no SMTP server (OMIGJEN_SMTP_HOST): e-mails to customers are not" in said
        assert "warning: no SMS gateway" in said
        assert requests.get(f"http://127.0.0.1:{port}/login", timeout=10).ok
        assert '"GET /login HTTP/1.1" 200' in wait_for_line(log, server, "GET /login")
    finally:
        server.terminate()
        server.wait(15)


def wait_for_line(log: Path, process: subprocess.Popen[bytes], wanted: str) -> str:
    deadline = time.monotonic() + 60
    while wanted not in (text := log.read_text(errors="replace")):
        assert process.poll() is None, text
        assert time.monotonic() < deadline, text
        time.sleep(0.1)
    return text


def test_a_password_the_url_cannot_carry_is_refused_and_the_documented_one_works(pg_cluster):
    """The rule docs/sync.md gives: letters, digits and - . _ ~ as they are (the documented
    example has hyphens), any other character %-encoded."""
    url = empty_database(pg_cluster)
    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as conn:
        for role, secret in (("doc", "change-this-to-a-long-one"), ("odd", "p@ss/w#rd")):
            conn.execute(f"DROP ROLE IF EXISTS {role}")
            conn.execute(f"CREATE ROLE {role} LOGIN SUPERUSER PASSWORD '{secret}'")
    where = url.split("@", 1)[1]
    documented = admin(f"postgresql+psycopg://doc:change-this-to-a-long-one@{where}", "migrate")
    assert documented.returncode == 0, documented.stderr
    refused = admin(f"postgresql+psycopg://odd:p@ss/w#rd@{where}", "migrate")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "letters, digits and - . _ ~" in refused.stderr and "%40" in refused.stderr
    encoded = admin(f"postgresql+psycopg://odd:p%40ss%2Fw%23rd@{where}", "migrate")
    assert encoded.returncode == 0, encoded.stderr


def test_an_admin_task_whose_reader_went_away_ends_quietly(pg_cluster):
    """``omigjen-server admin quarantine list | head``: the reader closed the pipe; the task
    ends with 141 as SIGPIPE would, never a traceback."""
    url = empty_database(pg_cluster)
    assert admin(url, "migrate").returncode == 0
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "server", "admin", "--database-url", url, "admin-token"],
            stdout=write_end, stderr=subprocess.PIPE, text=True, cwd=PROJECT_ROOT, timeout=120,
        )  # fmt: skip
    finally:
        os.close(write_end)
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
    assert done.returncode == 141, done.stderr
