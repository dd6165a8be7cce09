"""A rotated signing key reaches the server before receipts signed with it: they verify instead
of being flagged ``unknown_key``. ``POST /v1/keys`` is idempotent, refuses a second key for a
version (409), garbage (422) and uploads for another device (403)."""

from __future__ import annotations

import pytest

from main import VERSION
from pos.errors import PermissionDenied
from pos.services import auth, signing_keys, sync_state
from pos.services.context import TillContext
from pos.services.verification import verify_store
from sync.http import ServerApi, ServerError
from tests.sync.conftest import cycle, sell


def device_keys(central, device_id: str) -> dict[str, str]:
    return dict(central.scalar("SELECT public_keys FROM devices WHERE id = :d", d=device_id))


def api_for(counter, server_url: str) -> ServerApi:
    return ServerApi(server_url, sync_state.enrolment(counter.uow).token)


def test_rotate_sell_sync_verifies_on_the_server_and_locally(
    enrolled, central, ctx, shelf, manager, clock
):
    sell(enrolled, ctx, shelf, 2)
    assert cycle(enrolled).run().drained
    boss = TillContext("K1", manager, enrolled.signer(), clock)
    done = signing_keys.rotate_signing_key(enrolled.uow, boss, enrolled.keys)
    assert (done.old_version, done.new_version) == ("1", "2")
    after = TillContext("K1", ctx.operator, enrolled.signer(), clock)
    assert after.signer.key_version == "2"
    sell(enrolled, after, shelf, 3)
    report = cycle(enrolled).run()
    assert report.drained and report.flagged == 0
    device = sync_state.enrolment(enrolled.uow).device_id
    assert set(device_keys(central, device)) == {"1", "2"}
    assert central.scalar("SELECT count(*) FROM event_flags") == 0  # no unknown_key
    versions = central.scalar(
        "SELECT array_agg(DISTINCT payload->'receipt'->>'key_version') FROM events "
        "WHERE type = 'sale.completed'"
    )
    assert sorted(versions) == ["1", "2"]
    assert verify_store(enrolled.uow, enrolled.keys.verifiers()).ok  # the local chain holds
    assert signing_keys.keys_to_send(enrolled.uow, enrolled.keys) == {}  # not sent again
    with enrolled.uow.read() as uow:
        journaled = [r for r in uow.queries.journal_rows() if r["event_code"] == 13999]
    assert any('"key_change"' in str(r["details"]) for r in journaled)


def test_without_the_upload_the_server_flags_unknown_key(
    enrolled, central, ctx, shelf, manager, clock
):
    """The control: the same rotation synced by a cycle that does not send keys is flagged."""
    boss = TillContext("K1", manager, enrolled.signer(), clock)
    signing_keys.rotate_signing_key(enrolled.uow, boss, enrolled.keys)
    sell(enrolled, TillContext("K1", ctx.operator, enrolled.signer(), clock), shelf, 1)
    assert cycle(enrolled, keys=None).run().flagged >= 1
    assert central.scalar("SELECT count(*) FROM event_flags WHERE code = 'unknown_key'") >= 1


def test_only_a_manager_rotates_the_key(enrolled, ctx):
    technician = auth.authenticate(enrolled.uow, "2001", "2345")
    for operator in (ctx.operator, technician):
        with pytest.raises(PermissionDenied):
            signing_keys.rotate_signing_key(
                enrolled.uow, TillContext("K1", operator, ctx.signer, ctx.clock), enrolled.keys
            )
    assert [v for (_, v) in enrolled.keys.verifiers()] == ["1"]


def test_the_upload_is_idempotent_conflicts_409_and_garbage_422(enrolled, central, server_url):
    api = api_for(enrolled, server_url)
    mine = signing_keys.public_keys(enrolled.keys)["1"]
    again = api.post_json("/v1/keys", {"key_version": "1", "public_key_pem": mine}, compress=False)
    assert again["status"] == "known" and again["key_versions"] == ["1"]
    other = enrolled.keys.public_key_pem(enrolled.keys.rotate()).decode()
    made = api.post_json("/v1/keys", {"key_version": "2", "public_key_pem": other})
    replay = api.post_json("/v1/keys", {"key_version": "2", "public_key_pem": other})
    assert (made["status"], replay["status"]) == ("added", "known")
    device = sync_state.enrolment(enrolled.uow).device_id
    assert set(device_keys(central, device)) == {"1", "2"}
    with pytest.raises(ServerError) as conflict:
        api.post_json("/v1/keys", {"key_version": "1", "public_key_pem": other})
    assert (conflict.value.status, conflict.value.code) == (409, "key_conflict")
    for bad in ("not a key", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"):
        with pytest.raises(ServerError) as refused:
            api.post_json("/v1/keys", {"key_version": "3", "public_key_pem": bad})
        assert (refused.value.status, refused.value.code) == (422, "invalid_key")
    with pytest.raises(ServerError) as malformed:
        api.post_json("/v1/keys", {"key_version": "v3", "public_key_pem": other})
    assert malformed.value.status == 400
    assert device_keys(central, device)["1"].split() == mine.split()  # nothing overwritten


def test_a_conflicting_key_is_reported_but_the_sales_still_reach_the_server(
    enrolled, central, server_url, ctx, shelf
):
    api = api_for(enrolled, server_url)
    foreign = enrolled.keys.public_key_pem(enrolled.keys.rotate()).decode()
    api.post_json("/v1/keys", {"key_version": "2", "public_key_pem": foreign})
    for name in ("rsa-v2.sealed", "rsa-v2.pub.pem"):
        (enrolled.keys.directory / name).unlink()
    enrolled.keys.rotate()  # another key with the same version 2, the server has the first
    sell(enrolled, TillContext("K1", ctx.operator, enrolled.signer(), ctx.clock), shelf, 2)
    from sync.http import SyncError

    with pytest.raises(SyncError, match="version 2 with another key"):
        cycle(enrolled).run()
    assert sync_state.sync_status(enrolled.uow).unsynced == 0  # nothing held back
    assert central.scalar("SELECT count(*) FROM event_flags WHERE code = 'signature_invalid'") >= 2
    assert sync_state.sync_status(enrolled.uow).online is False  # the problem is shown


def test_a_server_without_the_key_endpoint_does_not_stop_the_push(enrolled, central, ctx, shelf):
    class OldServer(ServerApi):
        def post_json(self, path, body=None, **kwargs):  # type: ignore[no-untyped-def]
            if path == "/v1/keys":
                raise ServerError(404, "not_found", "no such route", None, {})
            return super().post_json(path, body, **kwargs)

    enrolled.keys.rotate()
    sell(enrolled, TillContext("K1", ctx.operator, enrolled.signer(), ctx.clock), shelf, 1)
    enrolment = sync_state.enrolment(enrolled.uow)
    old = OldServer(enrolment.server_url, enrolment.token)
    from sync.http import SyncError

    with pytest.raises(SyncError, match="not accepted"):
        cycle(enrolled, api=old).run()
    assert sync_state.sync_status(enrolled.uow).unsynced == 0


def test_a_device_cannot_upload_a_key_for_another(enrolled, central, server_url):
    other = ServerApi(server_url).post_json(
        "/v1/enrol",
        {"enrol_code": central.enrolment_code(), "device_name": "K2", "app_version": VERSION},
        compress=False,
    )
    mine = sync_state.enrolment(enrolled.uow).device_id
    before = device_keys(central, mine)
    intruder = ServerApi(server_url, other["device_token"])
    pem = enrolled.keys.public_key_pem(enrolled.keys.rotate()).decode()
    with pytest.raises(ServerError) as refused:
        intruder.post_json(
            "/v1/keys", {"key_version": "2", "public_key_pem": pem, "device_id": mine}
        )
    assert (refused.value.status, refused.value.code) == (403, "forbidden")
    assert device_keys(central, mine) == before
    with pytest.raises(ServerError) as anonymous:
        ServerApi(server_url).post_json("/v1/keys", {"key_version": "2", "public_key_pem": pem})
    assert anonymous.value.status == 401


def test_a_counter_signing_with_hmac_is_verified_with_the_secret_it_registered(
    counter, central, server_url, cashier, manager, clock, shelf
):
    """The HMAC-SHA1 alternative: the secret goes to the server at enrolment and after a
    rotation, and its receipts verify there; one forged receipt is flagged."""
    from pos.signing import HMAC_METHOD
    from sync.enrolment import enrol
    from tests.sync.conftest import public_keys

    with counter.uow() as uow:
        uow.store.set_meta("signature_method", HMAC_METHOD)
        uow.commit()
    assert counter.signer().method == HMAC_METHOD  # makes hmac-v1.sealed
    enrol(counter.uow, server_url, central.enrolment_code(), device_name="K1",
          app_version=VERSION, public_keys=public_keys(counter),
          hmac_keys=signing_keys.hmac_secrets(counter.keys))  # fmt: skip
    sell(counter, TillContext("K1", cashier, counter.signer(), clock), shelf, 2)
    assert cycle(counter).run().flagged == 0
    boss = TillContext("K1", manager, counter.signer(), clock)
    signing_keys.rotate_signing_key(counter.uow, boss, counter.keys, HMAC_METHOD)
    sell(counter, TillContext("K1", cashier, counter.signer(), clock), shelf, 2)
    assert cycle(counter).run().flagged == 0  # secret v2 was sent before the sales
    device = sync_state.enrolment(counter.uow).device_id
    secrets = central.scalar("SELECT hmac_keys FROM devices WHERE id = :d", d=device)
    assert set(secrets) == {"1", "2"}
    assert central.scalar("SELECT count(*) FROM event_flags") == 0
    versions = central.scalar(
        "SELECT array_agg(DISTINCT payload->'receipt'->>'sig_method') FROM events "
        "WHERE type = 'sale.completed'"
    )
    assert versions == [HMAC_METHOD]
    sell(counter, TillContext("K1", cashier, counter.signer(), clock), shelf, 1)
    batch = sync_state.next_batch(counter.uow)
    forged = [t.replace('"signature": "', '"signature": "AAAA') for t in batch.events_json]
    runner = cycle(counter)
    tampered = sync_state.OutboxBatch(batch.acked_through, tuple(forged), batch.sent)
    answer = runner.api.post_json("/v1/sync/push", None, raw=runner._body(tampered))
    assert {code for r in answer["results"] for code in r["codes"]} == {"signature_invalid"}
