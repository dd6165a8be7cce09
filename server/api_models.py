"""Request and response shapes of the public API, published in the OpenAPI document."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class EnrolRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    enrol_code: str = Field(min_length=8, max_length=64)
    device_name: str = Field(
        "", max_length=100, description="the register's name (none: named by its register id)"
    )
    app_version: str = Field(min_length=1, max_length=30)
    public_keys: dict[str, str] = Field(
        default_factory=dict, description="PEM public keys of the counter's signing keys"
    )
    hmac_keys: dict[str, str] = Field(
        default_factory=dict,
        description="Base64 HMAC-SHA1 secrets by key version (counters that sign with HMAC)",
    )
    resume_after_seq: int = Field(0, ge=0, lt=2**62)
    tenants: list[dict[str, Any]] = Field(
        default_factory=list,
        max_length=100,
        description="the tenants the counter sells for: {id, code, name, org_no, "
        "vat_registered} each; registered for the site, or held for the operator",
    )
    register_id: str | None = Field(
        None,
        max_length=20,
        description="the register the counter has sold as (none for a fresh counter: the "
        "server gives it the site's next one)",
    )
    label_block: int | None = Field(None, ge=1, le=99)
    centre_name: str | None = Field(
        None,
        max_length=100,
        description="the centre's name at a counter that has one: the site's first such name "
        "becomes the centre's, and counters set up from the server take it",
    )
    centre_company: dict[str, str] | None = Field(
        None,
        description="the centre's company {name, org_no, account} at a counter that has one: "
        "the site's first becomes the centre's, and every counter of the site takes it",
    )


class TenantRef(BaseModel):
    id: str
    code: str
    name: str
    org_no: str
    vat_registered: bool


class OfferResult(BaseModel):
    id: str
    code: str
    status: Literal["known", "registered", "pending", "refused"]
    reason: str


class EnrolResponse(BaseModel):
    device_id: str
    device_epoch: int
    device_token: str
    site_id: str
    site_name: str = Field("", description="a counter set up from the server names its centre so")
    tenants: list[TenantRef]
    offered: list[OfferResult]
    register_id: str
    label_block: int
    acked_through: int
    server_time: str


class PushEvent(BaseModel):
    event_id: str
    device_seq: int = Field(ge=1)
    tenant_id: str | None = None
    type: str
    type_version: int = 1
    occurred_at: str
    hash: str | None = None
    payload: dict[str, Any]


class PushRequest(BaseModel):
    device_id: str
    device_epoch: int
    app_version: str = ""
    schema_version: int = 1
    clock_offset_ms: int = 0
    events: list[PushEvent] = Field(max_length=500)


class PushResult(BaseModel):
    event_id: str
    status: Literal["duplicate", "flagged", "rejected"]
    code: str | None = None
    codes: list[str] | None = None


class PushResponse(BaseModel):
    acked_through: int
    server_time: str
    results: list[PushResult]
    pull_soon: bool


class Change(BaseModel):
    entity: str
    op: Literal["upsert", "delete"]
    tenant_id: str | None
    id: str
    version: int
    data: dict[str, Any] | None = None


class PullResponse(BaseModel):
    changes: list[Change]
    cursor: str
    has_more: bool
    reset: bool
    server_time: str


class StatusResponse(BaseModel):
    server_time: str
    acked_through: int
    min_app_version: str
    device_id: str
    device_epoch: int


class TokenResponse(BaseModel):
    device_token: str


class Problem(BaseModel):
    type: str
    title: str
    status: int
    code: str
    detail: str


PROBLEMS: dict[int | str, dict[str, Any]] = {
    code: {"model": Problem, "description": text, "content": {"application/problem+json": {}}}
    for code, text in {
        400: "malformed request",
        401: "token invalid or device revoked",
        403: "not allowed for this token",
        404: "not found",
        409: "seq_gap / concurrent_push / conflict",
        410: "cursor_expired",
        413: "batch too large",
        426: "upgrade_required",
        429: "rate_limited; retry after Retry-After",
        503: "transient; retry after Retry-After",
    }.items()
}
