"""The private signing key is never on disk in plain: sealed under a secret kept outside the data
directory (the OS key store through ``keyring`` when there is a real one, else a 0600 file in
the user's config folder); keys an earlier version left in plain are sealed at the first start;
a copy of the data directory without the secret cannot sign, and still verifies."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from pos.adapters.key_files import KeyStore
from pos.adapters.key_vault import (
    SECRET_DIR_ENV,
    FileVault,
    KeyringVault,
    KeySecretMissing,
    SecretDirInsideData,
    default_vaults,
)
from pos.clock import OSLO
from pos.counter import open_counter
from pos.demo.centre import seed_demo
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import auth, checkout
from pos.services.context import TillContext
from pos.services.verification import verify_store
from tests.conftest import PROJECT_ROOT


def private_numbers(keys: KeyStore) -> list[bytes]:
    """The private key's secret numbers as they would appear in any plain encoding."""
    numbers = keys.signer().private_key.private_numbers()  # type: ignore[attr-defined]
    return [n.to_bytes((n.bit_length() + 7) // 8, "big") for n in (numbers.d, numbers.p)]


def every_file(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def sell(counter, clock, code="KAFFE-MED"):  # type: ignore[no-untyped-def]
    from pos.services import catalogue

    cashier = auth.authenticate(counter.uow, "1001", "1234")
    ctx = TillContext("K1", cashier, counter.signer(), clock)
    basket = Basket()
    basket.add(catalogue.find_item(counter.uow, code))
    return checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CASH, 10000)])


def test_no_file_in_the_data_directory_holds_the_private_key(counter, clock):
    sell(counter, clock)
    counter.backup("manual")
    secret_numbers = private_numbers(counter.keys)
    for path in every_file(counter.data_dir):
        data = path.read_bytes()
        assert b"PRIVATE KEY" not in data, path
        assert not any(number in data for number in secret_numbers), path
    vault_id, vault = counter.keys.vault_in_use()
    assert vault == "file"  # no real OS key store in the test run
    secret = Path(os.environ[SECRET_DIR_ENV]) / f"{vault_id}.secret"
    assert secret.stat().st_mode & 0o777 == 0o600
    assert counter.data_dir.resolve() not in secret.resolve().parents


def test_an_earlier_plain_key_is_sealed_at_first_start_and_still_verifies(tmp_path, clock):
    data_dir = tmp_path / "data"
    with open_counter(data_dir) as counter:
        seed_demo(counter.uow, counter.signer(), clock=clock)
        sell(counter, clock)
        plain = _pkcs8(counter.keys)
    keys_dir = data_dir / "keys"
    for path in keys_dir.iterdir():  # the layout an earlier version left: one plain PEM
        path.unlink()
    (keys_dir / "rsa-v1.pem").write_bytes(plain)
    with open_counter(data_dir) as counter:
        assert not (keys_dir / "rsa-v1.pem").exists()
        assert {p.name for p in keys_dir.iterdir()} == {
            "rsa-v1.sealed", "rsa-v1.pub.pem", "vault.json"
        }  # fmt: skip
        assert _pkcs8(counter.keys) == plain  # the same key, now sealed
        report = verify_store(counter.uow, counter.keys.verifiers(), counter.keys)
        assert report.ok, report.problems
        with counter.uow.read() as uow:
            rows = [json.loads(r["details"]) for r in uow.queries.journal_rows()]
        (sealed,) = [r for r in rows if r.get("kind") == "key_sealed"]
        assert sealed == {"kind": "key_sealed", "keys": ["rsa-v1"], "secret_in": "file"}


def _pkcs8(keys: KeyStore) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return keys.signer().private_key.private_bytes(  # type: ignore[attr-defined]
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def cli(data_dir: Path, secret_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, **{SECRET_DIR_ENV: str(secret_dir)})
    return subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=300, env=env,
    )  # fmt: skip


def test_a_copy_without_the_secret_verifies_but_cannot_sign_until_a_new_key(
    tmp_path, clock, monkeypatch
):
    here, other_pc = tmp_path / "here", tmp_path / "other-pc"
    data = tmp_path / "data"
    made = cli(data, here, "simulate", "--days", "1", "--sales-per-day", "5", "--start",
               "2026-01-05")  # fmt: skip
    assert made.returncode == 0, made.stderr
    copy = tmp_path / "copy"
    shutil.copytree(data, copy)
    verified = cli(copy, other_pc, "verify-journal")
    assert verified.returncode == 0, verified.stderr  # public keys are enough to verify
    refused = cli(copy, other_pc, "rotate-signing-key", "--staff", "1001", "--pin", "1234")
    assert refused.returncode == 2 and "leder" in refused.stderr
    rotated = cli(copy, other_pc, "rotate-signing-key", "--staff", "9001", "--pin", "9999")
    assert rotated.returncode == 0, rotated.stderr
    assert "version 2" in rotated.stdout
    monkeypatch.setenv(SECRET_DIR_ENV, str(other_pc))
    with open_counter(copy) as counter:  # the other PC sells with its new key
        clock.current = datetime.now(OSLO)
        assert sell(counter, clock).receipts
    assert cli(copy, other_pc, "verify-journal").returncode == 0
    assert cli(data, here, "verify-journal").returncode == 0


def test_a_sale_on_a_pc_without_the_secret_is_refused_with_the_reason(tmp_path, clock, monkeypatch):
    data_dir = tmp_path / "data"
    with open_counter(data_dir) as counter:
        seed_demo(counter.uow, counter.signer(), clock=clock)
    monkeypatch.setenv(SECRET_DIR_ENV, str(tmp_path / "another-pc"))
    with open_counter(data_dir) as counter:
        with pytest.raises(KeySecretMissing) as refused:
            sell(counter, clock)
        assert "rotate-signing-key" in refused.value.message("nb")
        with counter.uow.read() as uow:
            assert uow.queries.count("sales") == 0  # nothing written


class MemoryKeyring(KeyringBackend):
    """A real ``keyring`` backend kept in memory: stands in for the Credential Locker or the
    Secret Service, which a CI box does not have."""

    priority = 5  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.saved.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.saved.pop((service, username), None)


@pytest.fixture
def os_keyring():
    before = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(before)


def test_with_a_real_os_key_store_the_secret_goes_there_and_no_file_is_made(
    tmp_path, os_keyring
):
    assert KeyringVault.available()
    secret_dir = tmp_path / "config"
    keys = KeyStore(tmp_path / "data" / "keys", [KeyringVault(), FileVault(secret_dir)])
    signature = keys.signer().sign("0;2026-03-02;10:15:00;1;35.00;28.00")
    vault_id, vault = keys.vault_in_use()
    assert vault == "keyring" and ("omigjen-pos", vault_id) in os_keyring.saved
    assert not secret_dir.exists()
    again = KeyStore(tmp_path / "data" / "keys", [KeyringVault(), FileVault(secret_dir)])
    assert again.signer().sign("0;2026-03-02;10:15:00;1;35.00;28.00") == signature


def test_the_fail_and_null_backends_do_not_count_as_a_key_store(monkeypatch):
    from keyring.backends import fail, null

    for backend in (fail.Keyring(), null.Keyring()):
        monkeypatch.setattr(keyring, "get_keyring", lambda b=backend: b)
        assert not KeyringVault.available()


def test_the_secret_folder_may_not_be_inside_the_data_directory(tmp_path, monkeypatch):
    monkeypatch.setenv(SECRET_DIR_ENV, str(tmp_path / "data" / "secrets"))
    with pytest.raises(SecretDirInsideData):
        default_vaults(tmp_path / "data")


def test_a_public_key_swapped_for_a_forgers_is_named(counter):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    forger = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    (counter.keys.directory / "rsa-v1.pub.pem").write_bytes(
        forger.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    assert KeyStore(counter.keys.directory).key_problems() == [
        "public key rsa-v1 is not the signing key's own"
    ]
