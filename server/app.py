"""The FastAPI application: routers, problem+json errors, gzip request bodies, OpenAPI.

Stateless: everything lives in PostgreSQL, so several server processes on one database
behave as one.
"""

from __future__ import annotations

import zlib
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server import (
    problems,
    routes_admin,
    routes_anchor,
    routes_event_states,
    routes_heads,
    routes_keys,
    routes_settlements,
    routes_sync,
    routes_tenant,
)
from server.api_models import PushRequest
from server.db import make_engine
from server.rate_limit import RateLimit
from server.settings import ServerSettings

MAX_BODY = 2 * 1024 * 1024  # a 1 MB batch plus its envelope, uncompressed


class RequestBodyLimit:
    """Inflates ``Content-Encoding: gzip`` bodies and refuses any body over ``MAX_BODY``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        gzipped = headers.get(b"content-encoding", b"").lower() == b"gzip"
        body, error = await _read(receive, gzipped)
        if error:
            await problems.problem_response(error[0], error[1], error[2])(scope, receive, send)
            return
        if gzipped:
            scope = dict(scope)
            scope["headers"] = [
                (k, v)
                for k, v in scope["headers"]
                if k not in (b"content-encoding", b"content-length")
            ] + [(b"content-length", str(len(body)).encode())]
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


async def _read(receive: Receive, gzipped: bool) -> tuple[bytes, tuple[int, str, str] | None]:
    chunks, size = [], 0
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzipped else None
    while True:
        message = await receive()
        data = message.get("body", b"")
        if inflater is not None and data:
            try:
                data = inflater.decompress(data, MAX_BODY + 1 - size)
            except zlib.error:
                return b"", (400, "malformed", "the gzip body cannot be inflated")
            if inflater.unconsumed_tail:
                return b"", (413, "batch_too_large", "the inflated body is over 2 MB")
        size += len(data)
        if size > MAX_BODY:
            return b"", (413, "batch_too_large", "the body is over 2 MB")
        chunks.append(data)
        if not message.get("more_body", False):
            return b"".join(chunks), None


def create_app(settings: ServerSettings, engine: Any = None) -> FastAPI:
    app = FastAPI(
        title="Omigjen POS central server",
        version="1",
        description="Sync protocol for counters, admin API, tenant read API.",
    )
    app.state.settings = settings
    app.state.enrol_limit = RateLimit(*settings.enrol_limit)
    app.state.token_limit = RateLimit(*settings.token_limit)
    app.state.engine = engine or make_engine(settings.database_url, role=settings.db_role or None)
    problems.install(app)
    routers = (routes_sync, routes_keys, routes_anchor, routes_heads, routes_event_states,
               routes_admin, routes_tenant, routes_settlements)  # fmt: skip
    for module in routers:
        app.include_router(module.router)
    from server.web.mount import mount

    mount(app)
    app.add_middleware(RequestBodyLimit)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title, version=app.version, description=app.description, routes=app.routes
    )
    push = PushRequest.model_json_schema(ref_template="#/components/schemas/{model}")
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.update(push.pop("$defs", {}))
    components["PushRequest"] = push
    schema["components"]["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
    schema["security"] = [{"bearer": []}]
    app.openapi_schema = schema
    return schema
