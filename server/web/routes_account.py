"""The signed-in person's own account: change the password, turn two-step sign-in (TOTP) on
with an authenticator app (QR code or key) or off again."""

from __future__ import annotations

import io
from typing import Annotated

import segno
from fastapi import APIRouter, Depends, Request
from sqlalchemy import text
from starlette.responses import Response

from server.web import forms, i18n, passwords, users
from server.web.access import Person, reading, require_person
from server.web.templates import render, secret

router = APIRouter(include_in_schema=False)
PersonDep = Annotated[Person, Depends(require_person)]


def _qr_svg(uri: str) -> str:
    out = io.BytesIO()
    segno.make(uri, error="m").save(out, kind="svg", scale=4, xmldecl=False, svgns=True)
    return out.getvalue().decode()


def _page(request: Request, person: Person, status: int = 200, **context: object) -> Response:
    totp = {}
    if not person.totp_on:
        fresh = str(context.pop("secret", "") or passwords.new_totp_secret())
        uri = passwords.totp_uri(fresh, person.login)
        totp = {"secret": fresh, "qr": _qr_svg(uri)}
    return render(request, "account.html", status=status, totp=totp, **context)


@router.get("/account")
def account(request: Request, person: PersonDep) -> Response:
    return _page(request, person)


@router.post("/account/password")
async def change_password(request: Request, person: PersonDep) -> Response:
    form = await request.form()
    _ = i18n.translator(i18n.pick(request))
    current, new, again = (str(form.get(k, ""))[:1000] for k in ("current", "password", "again"))
    with reading(request, person) as conn:
        forms.check_token(conn, secret(request), person.session, str(form.get(forms.FIELD, "")))
        stored = conn.execute(
            text("SELECT password_hash FROM web_users WHERE id = :i"), {"i": person.user_id}
        ).scalar()
        if not passwords.verify_password(stored, current):
            return _page(request, person, 400, error=_("Nåværende passord er feil."))
        if new != again:
            return _page(request, person, 400, error=_("Passordene er ikke like."))
        try:
            users.set_password(conn, person.user_id, new)
        except users.UserRefused as refused:
            return _page(request, person, 400, error=_(refused.message, **refused.values))
    return _page(request, person, notice=_("Passordet er byttet."))


@router.post("/account/totp")
async def change_totp(request: Request, person: PersonDep) -> Response:
    form = await request.form()
    _ = i18n.translator(i18n.pick(request))
    with reading(request, person) as conn:
        forms.check_token(conn, secret(request), person.session, str(form.get(forms.FIELD, "")))
        if person.totp_on:
            users.set_totp(conn, person.user_id, None, None)
            request.state.person = _with_totp(person, False)
            return _page(request, request.state.person, notice=_("To-trinns innlogging er av."))
        fresh = str(form.get("secret", ""))[:64]
        step = passwords.totp_step(fresh, str(form.get("code", ""))[:20], None) if fresh else None
        if step is None:
            return _page(request, person, 400, error=_("Feil kode. Prøv igjen."), secret=fresh)
        users.set_totp(conn, person.user_id, fresh, step)
    request.state.person = _with_totp(person, True)
    return _page(request, request.state.person, notice=_("To-trinns innlogging er på."))


def _with_totp(person: Person, on: bool) -> Person:
    from dataclasses import replace

    return replace(person, totp_on=on)
