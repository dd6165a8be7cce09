"""Where the secret that seals the signing keys lives: never in the data directory.

A private signing key is stored only sealed (AES-256-GCM) under a 256-bit key-encryption
secret. The secret is kept, in this order of preference:

1. the operating system's key store through ``keyring`` — Windows Credential Locker (DPAPI),
   macOS Keychain, the Secret Service (GNOME Keyring, KWallet) on a Linux desktop — when a real
   one is there;
2. otherwise a file of its own, readable by the till's user only (0600, folder 0700), in the
   user's configuration folder (``OMIGJEN_SECRET_DIR`` overrides it), never inside the data
   directory: a headless Linux box has no Secret Service.

So a copy of the data directory (a backup, a disk image of that folder, a store sent for
support) holds no usable private key. What this does not stop is said in docs/security.md.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from pos.errors import DomainError

SERVICE = "omigjen-pos"
SECRET_DIR_ENV = "OMIGJEN_SECRET_DIR"
SEALED_FORMAT = "omigjen-sealed-key"
SECRET_BYTES = 32
_NOT_REAL = {"keyring.backends.fail", "keyring.backends.null", "keyrings.alt.file"}


class KeySecretMissing(DomainError):
    code = "key_secret_missing"
    nb = (
        "Signeringsnøkkel {value} kan ikke åpnes på denne PC-en: hemmeligheten som låser den, "
        "finnes ikke her (den ligger i nøkkellageret til PC-en den ble laget på), eller "
        "nøkkellageret er låst (logg inn på skrivebordet og start kassen igjen). Kvitteringer "
        "kan fortsatt kontrolleres. Er nøkkelen fra en annen PC, lager en leder en ny med "
        "«rotate-signing-key» før det selges."
    )
    en = (
        "Signing key {value} cannot be opened on this PC: the secret that seals it is not here "
        "(it is in the key store of the PC that made it), or the key store is locked (log in to "
        "the desktop and start the till again). Receipts can still be verified. If the key is "
        "from another PC, a manager makes a new one with 'rotate-signing-key' before anything "
        "is sold."
    )


class KeySealBroken(DomainError):
    code = "key_seal_broken"
    nb = "Signeringsnøkkel {value} er skadet eller endret og kan ikke åpnes."
    en = "Signing key {value} is damaged or was changed and cannot be opened."


class SecretDirInsideData(DomainError):
    code = "secret_dir_inside_data"
    nb = "Hemmeligheten til nøklene kan ikke ligge i datamappen ({value}). Velg en annen mappe."
    en = "The keys' secret cannot be kept in the data directory ({value}). Choose another folder."


class Vault(Protocol):
    """One place a key-encryption secret can be kept, by the key store's id."""

    name: str

    def get(self, vault_id: str) -> bytes | None: ...

    def put(self, vault_id: str, secret: bytes) -> None: ...


class KeyringVault:
    """The operating system's key store through ``keyring``."""

    name = "keyring"

    @staticmethod
    def available() -> bool:
        """Whether ``keyring`` has a real backend here (not the fail/null/plain-file ones)."""
        try:
            import keyring
        except ImportError:
            return False
        backend = keyring.get_keyring()
        if type(backend).__module__ in _NOT_REAL or backend.priority <= 0:
            return False
        inner = getattr(backend, "backends", None)
        return inner is None or bool(inner)

    def get(self, vault_id: str) -> bytes | None:
        import keyring
        from keyring.errors import KeyringError

        try:
            text = keyring.get_password(SERVICE, vault_id)
        except KeyringError:
            return None
        return base64.b64decode(text) if text else None

    def put(self, vault_id: str, secret: bytes) -> None:
        import keyring

        keyring.set_password(SERVICE, vault_id, base64.b64encode(secret).decode("ascii"))


class FileVault:
    """A 0600 file per key store in a 0700 folder outside the data directory."""

    name = "file"

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _path(self, vault_id: str) -> Path:
        return self.directory / f"{vault_id}.secret"

    def get(self, vault_id: str) -> bytes | None:
        try:
            return base64.b64decode(self._path(vault_id).read_bytes().strip())
        except FileNotFoundError:
            return None

    def put(self, vault_id: str, secret: bytes) -> None:
        write_private(self._path(vault_id), base64.b64encode(secret) + b"\n")


def secret_dir() -> Path:
    chosen = os.environ.get(SECRET_DIR_ENV)
    if chosen:
        return Path(chosen)
    from platformdirs import user_config_dir

    return Path(user_config_dir(SERVICE, appauthor=False)) / "key-secrets"


def default_vaults(data_dir: Path) -> list[Vault]:
    """The OS key store when it is real, then the secret file outside ``data_dir``."""
    folder = secret_dir().resolve()
    data = data_dir.resolve()
    if folder == data or data in folder.parents:
        raise SecretDirInsideData(str(folder))
    vaults: list[Vault] = [KeyringVault()] if KeyringVault.available() else []
    vaults.append(FileVault(folder))
    return vaults


def write_private(path: Path, data: bytes) -> None:
    """Write a file readable by the owner only, atomically and durably."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def wipe(path: Path) -> None:
    """Overwrite a plain key with zeros before removing it (on flash storage the old blocks may
    survive: full-disk encryption is what covers those)."""
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.write(b"\0" * size)
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink()


@dataclass(frozen=True)
class SealedKey:
    """A private key as stored: AES-256-GCM under the vault's secret, bound to its name."""

    name: str
    """``rsa-v1``, ``hmac-v2``: the associated data, so a sealed file renamed does not open."""
    vault_id: str
    nonce: bytes
    data: bytes

    def to_bytes(self) -> bytes:
        return json.dumps(
            {
                "format": SEALED_FORMAT,
                "version": 1,
                "name": self.name,
                "vault_id": self.vault_id,
                "nonce": base64.b64encode(self.nonce).decode("ascii"),
                "data": base64.b64encode(self.data).decode("ascii"),
            },
            indent=1,
        ).encode("ascii")

    @staticmethod
    def from_bytes(raw: bytes) -> SealedKey:
        try:
            data = json.loads(raw)
            if data["format"] != SEALED_FORMAT:
                raise ValueError(data["format"])
            return SealedKey(
                data["name"],
                data["vault_id"],
                base64.b64decode(data["nonce"]),
                base64.b64decode(data["data"]),
            )
        except (ValueError, KeyError, TypeError) as error:
            raise KeySealBroken("?") from error


def seal(name: str, vault_id: str, secret: bytes, plain: bytes) -> SealedKey:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(12)
    return SealedKey(name, vault_id, nonce, AESGCM(secret).encrypt(nonce, plain, name.encode()))


def unseal(sealed: SealedKey, name: str, secret: bytes) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(secret).decrypt(sealed.nonce, sealed.data, name.encode())
    except InvalidTag:
        raise KeySealBroken(name) from None


def new_secret() -> bytes:
    return secrets.token_bytes(SECRET_BYTES)
