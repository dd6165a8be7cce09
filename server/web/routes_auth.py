"""Signing in and out: user name and password (argon2), then the TOTP code for those who
turned it on; wrong attempts slow the next ones down; the language switch."""

from __future__ import annotations

import secrets
from collections.abc import Callable

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from server.db import scoped
from server.web import forms, i18n, passwords, sessions, throttle, users
from server.web.access import AUTH, session_of
from server.web.errors import SignInNeeded
from server.web.templates import render, secret

router = APIRouter(include_in_schema=False)


def _address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _login_page(request: Request, status: int = 200, **context: object) -> Response:
    fresh = not request.cookies.get(sessions.PRE_COOKIE)
    if fresh:
        request.state.pre = secrets.token_urlsafe(24)
    response = render(request, "login.html", status=status, **context)
    if fresh:
        sessions.set_cookie(request, response, sessions.PRE_COOKIE, request.state.pre)
    return response


@router.get("/login")
def login_form(request: Request, expired: int = 0, out: int = 0) -> Response:
    notice = "Økten din er utløpt. Logg inn igjen." if expired else ""
    return _login_page(request, notice=notice or ("Du er logget ut." if out else ""))


@router.post("/login")
async def login(request: Request) -> Response:
    form = await request.form()
    login_name = str(form.get("login", "")).strip().lower()[:64]
    password = str(form.get("password", ""))[:1000]
    engine = request.app.state.engine
    with scoped(engine, AUTH) as conn:
        pre = request.cookies.get(sessions.PRE_COOKIE, "")
        forms.check_token(conn, secret(request), pre, str(form.get(forms.FIELD, "")))
        wait = throttle.wait_seconds(conn, login_name, _address(request))
    if wait:
        error = _wait_text(i18n.translator(i18n.pick(request)), wait)
        return _login_page(request, 429, error=error, login=login_name)
    with scoped(engine, AUTH) as conn:
        user = users.by_login(conn, login_name)
        if not passwords.verify_password(user["password_hash"] if user else None, password):
            throttle.record_failure(conn, login_name, _address(request))
            user = None
        else:
            throttle.record_success(conn, login_name)
            assert user is not None
            token = sessions.start(conn, user["id"], "totp" if user["totp_secret"] else "in")
    if user is None:
        error = i18n.translator(i18n.pick(request))("Feil brukernavn eller passord.")
        return _login_page(request, 401, error=error, login=login_name)
    response = RedirectResponse("/login/code" if user["totp_secret"] else "/", status_code=303)
    sessions.set_cookie(request, response, sessions.COOKIE, token)
    response.delete_cookie(sessions.PRE_COOKIE, path="/")
    return response


def _half_session(request: Request) -> sessions.Session:
    found = session_of(request)
    if found is None:
        raise SignInNeeded(expired=False)
    request.state.pre = found.token_hash
    return found


@router.get("/login/code")
def code_form(request: Request) -> Response:
    found = _half_session(request)
    if found.stage == "in":
        return RedirectResponse("/", status_code=303)
    return render(request, "login_code.html")


@router.post("/login/code")
async def code(request: Request) -> Response:
    found = _half_session(request)
    form = await request.form()
    user = found.user
    with scoped(request.app.state.engine, AUTH) as conn:
        forms.check_token(conn, secret(request), found.token_hash, str(form.get(forms.FIELD, "")))
        wait = throttle.wait_seconds(conn, user["login"], _address(request))
        step = (
            None
            if wait
            else passwords.totp_step(
                user["totp_secret"] or "", str(form.get("code", ""))[:20], user["totp_last_step"]
            )
        )
        if step is not None and users.use_totp_step(conn, user["id"], step):
            throttle.record_success(conn, user["login"])
            sessions.promote(conn, found.token_hash)
            return RedirectResponse("/", status_code=303)
        if not wait:
            throttle.record_failure(conn, user["login"], _address(request))
    _ = i18n.translator(i18n.pick(request))
    error = _wait_text(_, wait) if wait else _("Feil kode. Prøv igjen.")
    return render(request, "login_code.html", status=429 if wait else 401, error=error)


@router.post("/logout")
async def logout(request: Request) -> Response:
    found = session_of(request)
    form = await request.form()
    if found is not None:
        with scoped(request.app.state.engine, AUTH) as conn:
            forms.check_token(
                conn, secret(request), found.token_hash, str(form.get(forms.FIELD, ""))
            )
            sessions.end(conn, found.token_hash)
    response = RedirectResponse("/login?out=1", status_code=303)
    response.delete_cookie(sessions.COOKIE, path="/")
    return response


@router.get("/lang/{code}")
def language(request: Request, code: str, next: str = "/") -> Response:
    target = next if next.startswith("/") and not next.startswith("//") else "/"
    response = RedirectResponse(target, status_code=303)
    if code in i18n.LANGUAGES:
        response.set_cookie(i18n.COOKIE, code, samesite="lax", path="/", max_age=365 * 86400)
    return response


def _wait_text(_: Callable[..., str], wait: int) -> str:
    """How long to wait, in words that agree with the number ("1 sekund", "2 sekunder")."""
    if wait == 1:
        return _("For mange forsøk. Vent 1 sekund og prøv igjen.")
    return _("For mange forsøk. Vent {s} sekunder og prøv igjen.", s=wait)
