"""Every refusal and failure on the web pages is a page in the person's language — never a
traceback, never JSON: a wrong address, another tenant's id, a forged or replayed form, bad
input, a run-out session, a database that does not answer. The sync API keeps its
problem+json answers: a handler here passes everything under ``/v1`` (and the API docs) on."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import RedirectResponse, Response

from server.web.forms import FormRefused

log = logging.getLogger(__name__)
API_PREFIXES = ("/v1/", "/docs", "/openapi.json", "/redoc")


class WebError(Exception):
    """A page saying what went wrong: title and message in bokmål (translated when shown)."""

    def __init__(self, status: int, title: str, message: str, **values: object) -> None:
        super().__init__(f"{status} {title}")
        self.status, self.title, self.message, self.values = status, title, message, values


class SignInNeeded(Exception):
    def __init__(self, *, expired: bool, stage: str = "") -> None:
        super().__init__("sign-in needed")
        self.expired, self.stage = expired, stage


def is_api(request: Request) -> bool:
    path = request.url.path
    return path.startswith(API_PREFIXES) or path == "/v1"


def _page(request: Request, error: WebError) -> Response:
    from server.web.templates import render

    return render(
        request,
        "error.html",
        status=error.status,
        title=error.title,
        message=error.message,
        values=error.values,
    )


def install(app: FastAPI) -> None:
    api_http = app.exception_handlers[StarletteHTTPException]
    api_invalid = app.exception_handlers[RequestValidationError]
    api_db = app.exception_handlers[DBAPIError]

    @app.exception_handler(WebError)
    async def _web(request: Request, exc: WebError) -> Response:
        return _page(request, exc)

    @app.exception_handler(SignInNeeded)
    async def _sign_in(request: Request, exc: SignInNeeded) -> Response:
        if exc.stage == "totp":
            return RedirectResponse("/login/code", status_code=303)
        return RedirectResponse("/login?expired=1" if exc.expired else "/login", status_code=303)

    @app.exception_handler(FormRefused)
    async def _form(request: Request, exc: FormRefused) -> Response:
        if exc.reason == "replayed":
            return _page(
                request,
                WebError(
                    409,
                    "Skjemaet er allerede sendt",
                    "Dette skjemaet er sendt én gang. Last siden på nytt for å sende igjen.",
                ),
            )
        return _page(
            request,
            WebError(
                403,
                "Skjemaet kan ikke brukes",
                "Skjemaet kom ikke fra denne siden, eller det er for gammelt. "
                "Last siden på nytt og prøv igjen.",
            ),
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Any:
        if is_api(request):
            return await api_http(request, exc)  # type: ignore[misc]
        if exc.status_code == 405:
            return RedirectResponse(request.url.path, status_code=303)
        return _page(request, _not_found())

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Any:
        if is_api(request):
            return await api_invalid(request, exc)  # type: ignore[misc]
        what = ", ".join(str(e.get("loc", ("",))[-1]) for e in exc.errors())
        return _page(
            request,
            WebError(400, "Ugyldig verdi", "Noe i adressen kan ikke leses: {what}.", what=what),
        )

    @app.exception_handler(DBAPIError)
    async def _db(request: Request, exc: DBAPIError) -> Any:
        if is_api(request):
            return await api_db(request, exc)  # type: ignore[misc]
        log.warning("web page failed on the database: %s", type(exc).__name__)
        return _page(request, _unavailable())


def _not_found() -> WebError:
    return WebError(404, "Fant ikke siden", "Siden finnes ikke, eller du har ikke tilgang til den.")


def _unavailable() -> WebError:
    return WebError(
        503,
        "Noe gikk galt",
        "Tjeneren kunne ikke svare nå. Prøv igjen om litt; ingenting er endret.",
    )


class CatchAll:
    """The last wall: an unexpected error on a web page becomes the 'something went wrong'
    page (logged without its request data); the API's own errors pass through untouched."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"].startswith(API_PREFIXES):
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: dict) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception:
            log.exception("web page failed")
            if started:
                raise
            request = Request(scope)
            response = _page(request, _unavailable())
            await response(scope, receive, send)
