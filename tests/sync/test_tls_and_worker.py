"""TLS is verified by default (a self-signed server is refused unless its CA is given), and the
background worker backs off with full jitter, honouring Retry-After."""

from __future__ import annotations

import datetime as dt
import ipaddress

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from hypothesis import given
from hypothesis import strategies as st

from main import VERSION
from pos.services import sync_state
from sync.backoff import Backoff
from sync.cycle import CycleReport
from sync.enrolment import enrol
from sync.http import ServerError, Unreachable
from sync.worker import SyncWorker
from tests.central import live_server
from tests.sync.conftest import cycle, public_keys, sell


def self_signed(tmp_path):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    certfile, keyfile = tmp_path / "server.pem", tmp_path / "server.key"
    certfile.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    keyfile.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return str(certfile), str(keyfile)


def test_a_self_signed_server_is_refused_unless_its_certificate_is_trusted(
    counter, central, tmp_path, ctx, shelf
):
    certfile, keyfile = self_signed(tmp_path)
    with live_server(central, certfile, keyfile) as url:
        assert url.startswith("https://")
        with pytest.raises(Unreachable, match="TLS"):
            enrol(
                counter.uow,
                url,
                central.enrolment_code(),
                device_name="K1",
                app_version=VERSION,
                public_keys=public_keys(counter),
            )
        assert sync_state.enrolment(counter.uow) is None
        enrol(
            counter.uow,
            url,
            central.enrolment_code(),
            device_name="K1",
            app_version=VERSION,
            public_keys=public_keys(counter),
            ca_file=certfile,
        )
        sell(counter, ctx, shelf, 1)
        assert cycle(counter).run().drained


@given(failures=st.integers(0, 30), retry_after=st.none() | st.floats(0, 1000))
def test_full_jitter_stays_under_the_cap_and_never_before_retry_after(failures, retry_after):
    backoff = Backoff(base_s=1, cap_s=300, failures=failures)
    delay = backoff.next_delay(retry_after)
    assert 0 <= delay <= 300
    assert delay <= min(300, 2**failures) or retry_after is not None
    if retry_after is not None:
        assert delay >= min(retry_after, 300)


def test_the_worker_backs_off_after_failures_and_resets_after_a_success():
    outcomes: list[object] = [
        ServerError(503, "unavailable", "", 7.0, {}),
        Unreachable("offline"),
        CycleReport(drained=True),
    ]

    def run_cycle() -> CycleReport:
        result = outcomes.pop(0)
        if isinstance(result, Exception):
            raise result
        return result  # type: ignore[return-value]

    worker = SyncWorker(run_cycle, interval_s=20)
    assert worker.run_once() >= 7.0  # Retry-After honoured
    assert worker.backoff.failures == 1
    worker.run_once()
    assert worker.backoff.failures == 2 and worker.last_error == "offline"
    assert worker.run_once() == 20 and worker.backoff.failures == 0 and worker.last_error == ""
