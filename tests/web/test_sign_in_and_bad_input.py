"""Sign-in and bad input on the web pages, through the app over HTTP (a real PostgreSQL): a
wrong password slows the next tries down, an expired session, forged and replayed forms,
another tenant's id in an address, a bad or huge period — each a page, never a trace."""

from __future__ import annotations

import re

import pyotp
import pytest

from server import admin_ops
from server.web import users

PASSWORD = "et langt passord"


@pytest.fixture
def web(central):
    a = central.add_tenant("Asker", "11", "Alfa AS")
    b = central.add_tenant("Asker", "12", "Beta AS")
    with central.admin() as conn:
        site = admin_ops.site_id_by_name(conn, "Asker")
        users.add_user(conn, users.NewUser("leder", "Leder", "manager", PASSWORD, site_id=site))
        users.add_user(conn, users.NewUser("alfa", "Alfa", "tenant", PASSWORD, tenant_id=a))
    return central.client(), a, b


def token(page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found is not None
    return found.group(1)


def sign_in(client, login: str, password: str = PASSWORD):
    form = token(client.get("/login").text)
    return client.post("/login", data={"login": login, "password": password, "csrf": form})


def test_wrong_passwords_are_refused_then_slowed_down_before_the_password_is_checked(web):
    client, _, _ = web
    for _ in range(3):
        answer = sign_in(client, "alfa", "feil")
        assert answer.status_code == 401 and "Feil brukernavn eller passord." in answer.text
    blocked = sign_in(client, "alfa", PASSWORD)  # right password, but too soon
    assert blocked.status_code == 429 and "For mange forsøk" in blocked.text
    assert "Traceback" not in blocked.text


def test_the_wait_is_said_in_words_that_agree_with_the_number(web, central):
    client, _, _ = web
    for _ in range(3):
        sign_in(client, "alfa", "feil")
    central.scalar("UPDATE web_throttle SET blocked_until = now() + interval '0.5 seconds' "
                   "RETURNING 1")  # fmt: skip
    assert "Vent 1 sekund og prøv igjen." in sign_in(client, "alfa").text
    central.scalar("UPDATE web_throttle SET blocked_until = now() + interval '2.5 seconds' "
                   "RETURNING 1")  # fmt: skip
    assert "Vent 3 sekunder og prøv igjen." in sign_in(client, "alfa").text


def test_an_unknown_user_gets_the_same_answer_as_a_wrong_password(web):
    client, _, _ = web
    answer = sign_in(client, "finnesikke", PASSWORD)
    assert answer.status_code == 401 and "Feil brukernavn eller passord." in answer.text


def test_an_expired_session_sends_the_person_to_sign_in_with_a_clear_message(web, central):
    client, _, _ = web
    assert sign_in(client, "alfa").status_code == 200
    central.scalar("UPDATE web_sessions SET seen_at = now() - interval '2 hours' RETURNING 1")
    answer = client.get("/takings")
    assert answer.url.path == "/login" and "Økten din er utløpt" in answer.text


def test_a_forged_form_and_a_replayed_form_are_refused_in_words(web):
    client, _, _ = web
    sign_in(client, "leder")
    page = client.get("/users").text
    fields = {
        "login": "ny.bruker",
        "name": "Ny",
        "role": "manager",
        "tenant": "",
        "password": PASSWORD,
        "again": PASSWORD,
    }
    forged = client.post("/users", data={**fields, "csrf": "x.1.y"})
    assert forged.status_code == 403 and "Skjemaet kan ikke brukes" in forged.text
    form = token(page)
    assert client.post("/users", data={**fields, "csrf": form}).status_code == 200
    replayed = client.post("/users", data={**fields, "login": "to", "csrf": form})
    assert replayed.status_code == 409 and "allerede sendt" in replayed.text


def test_another_tenants_id_is_a_plain_not_found(web):
    client, _, b = web
    sign_in(client, "alfa")
    for path in (f"/tenants/{b}/takings", f"/saft/file?tenant={b}", "/settlements/nope.pdf"):
        answer = client.get(path)
        assert answer.status_code == 404, path
        assert "Beta" not in answer.text and "Fant ikke siden" in answer.text


def test_a_tenants_user_may_not_open_the_managers_pages(web):
    client, _, _ = web
    sign_in(client, "alfa")
    answer = client.get("/users")
    assert answer.status_code == 403 and "senterlederen" in answer.text


def test_bad_and_huge_periods_are_pages_in_the_persons_language(web):
    client, _, _ = web
    sign_in(client, "leder")
    assert "Perioden er for lang" in client.get("/takings?from=2020-01-01&to=2026-01-01").text
    client.get("/lang/en")
    answer = client.get("/takings?from=tomorrow")
    assert answer.status_code == 400 and "Invalid value" in answer.text


def test_two_step_sign_in_asks_for_a_code_and_takes_each_code_once(web):
    client, _, _ = web
    sign_in(client, "alfa")
    page = client.get("/account").text
    secret = re.search(r'name="secret" value="([A-Z2-7]+)"', page).group(1)
    code = pyotp.TOTP(secret).now()  # one code for both: a 30 s step may pass between them
    on = client.post("/account/totp", data={"csrf": token(page), "secret": secret, "code": code})
    assert "To-trinns innlogging er på." in on.text
    client.cookies.clear()
    half = sign_in(client, "alfa")
    assert half.url.path == "/login/code"
    assert client.get("/takings").url.path == "/login/code"
    used = client.post("/login/code", data={"csrf": token(half.text), "code": code})
    assert used.status_code == 401  # the code that turned it on was spent
    assert "Feil kode" in used.text


def test_the_sync_api_keeps_its_problem_answers(web):
    client, _, _ = web
    answer = client.get("/v1/tenant/me")
    assert answer.headers["content-type"].startswith("application/problem+json")


def test_a_manager_deactivates_a_person_whose_session_ends_and_who_cannot_sign_in(web, central):
    manager, _, _ = web
    person = central.client()
    sign_in(manager, "leder")
    assert sign_in(person, "alfa").url.path != "/login"
    page = manager.get("/users").text
    assert 'data-active="1"' in page
    done = manager.post("/users/alfa/active", data={"active": "0", "csrf": token(page)})
    assert done.status_code == 200 and "alfa kan ikke logge inn lenger." in done.text
    assert person.get("/takings").url.path == "/login"  # the open session ended
    assert "Feil brukernavn eller passord." in sign_in(person, "alfa").text
    myself = manager.post("/users/leder/active", data={"active": "0", "csrf": token(done.text)})
    assert myself.status_code == 400 and "Du kan ikke deaktivere deg selv." in myself.text
    again = manager.post("/users/alfa/active", data={"active": "1", "csrf": token(myself.text)})
    assert "alfa kan logge inn igjen." in again.text
    assert sign_in(person, "alfa").url.path != "/login"


@pytest.mark.parametrize("days", [2, -2])
def test_sign_in_holds_when_the_servers_clock_is_not_the_databases(web, monkeypatch, days):
    """A server run on a faked day (the acceptance week) or on a host whose clock is off from
    its PostgreSQL's: sessions and waits are judged by the clock that stamped them."""
    from datetime import datetime, timedelta

    from server.web import sessions, throttle

    class SkewedClock(datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[no-untyped-def,override]
            return datetime.now(tz) + timedelta(days=days)

    for module in (sessions, throttle):
        monkeypatch.setattr(module, "datetime", SkewedClock, raising=False)
    client, _, _ = web
    assert sign_in(client, "alfa").status_code == 200
    answer = client.get("/takings")
    assert answer.url.path.endswith("/takings") and "Økten din er utløpt" not in answer.text
    assert sign_in(client, "leder", "feil").status_code == 401  # a wrong password is no wait
    assert sign_in(client, "leder").status_code == 200
