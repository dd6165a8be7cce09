"""The signing keys on disk: ``<data dir>/keys/rsa-v1.pem``, ``hmac-v1.key``, ... one file a key
version, written atomically and readable by the owner only; the newest version signs, every
version verifies. ``rsa-vN.pub.pem`` is a public key alone: a version signed on another PC (a
store restored from a backup there), kept so its receipts still verify here."""

from __future__ import annotations

import base64
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from pos.signing import HMAC_METHOD, RSA_METHOD, HmacSigner, RsaSigner, RsaVerifier, Signer

_KEY_FILE = re.compile(r"^(rsa|hmac)-v(\d+)\.(pem|key)$")
_PUBLIC_FILE = re.compile(r"^rsa-v(\d+)\.pub\.pem$")
PUBLIC_KEY_FILE = "rsa-v{version}.pub.pem"


def _write_private(path: Path, data: bytes) -> None:
    """Write a secret readable by the owner only, atomically."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_suffix(path.suffix + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


class KeyStore:
    """Signing keys in ``<data dir>/keys``: ``rsa-v1.pem``, ``hmac-v1.key``, ... newest is used."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _versions(self, kind: str) -> dict[str, Path]:
        found: dict[str, Path] = {}
        if self.directory.is_dir():
            for path in self.directory.iterdir():
                match = _KEY_FILE.match(path.name)
                if match and match.group(1) == kind:
                    found[match.group(2)] = path
        return found

    def _public_only(self) -> dict[str, Path]:
        found: dict[str, Path] = {}
        if self.directory.is_dir():
            for path in self.directory.iterdir():
                match = _PUBLIC_FILE.match(path.name)
                if match:
                    found[match.group(1)] = path
        return {v: p for v, p in found.items() if v not in self._versions("rsa")}

    def versions(self, method: str = RSA_METHOD) -> list[str]:
        """The key versions on disk, oldest first (a directory listing: no key is read); for
        RSA also the versions held as a public key only."""
        if method != RSA_METHOD:
            return sorted(self._versions("hmac"), key=int)
        return sorted({*self._versions("rsa"), *self._public_only()}, key=int)

    def has_private_key(self) -> bool:
        return bool(self._versions("rsa") or self._versions("hmac"))

    def add_public_key(self, version: str, pem: bytes) -> None:
        """Keep a public key of a version whose private key is elsewhere (to verify with)."""
        if version not in self.versions():
            _write_private(self.directory / PUBLIC_KEY_FILE.format(version=version), pem)

    def next_version(self, method: str = RSA_METHOD) -> str:
        """The version ``rotate`` gives the next key."""
        return str(max((int(v) for v in self.versions(method)), default=0) + 1)

    def signer(self, method: str = RSA_METHOD) -> Signer:
        """The current signer, making a first key on first use."""
        kind = "rsa" if method == RSA_METHOD else "hmac"
        versions = self._versions(kind)
        if not versions:
            self.rotate(method)
            versions = self._versions(kind)
        version = max(versions, key=int)
        return self._load(kind, version, versions[version])

    def rotate(self, method: str = RSA_METHOD) -> str:
        """Make a new key with the next version number; older keys are kept for verifying."""
        kind = "rsa" if method == RSA_METHOD else "hmac"
        version = self.next_version(method)
        if kind == "rsa":
            from cryptography.hazmat.primitives import serialization
            from cryptography.hazmat.primitives.asymmetric import rsa

            key = rsa.generate_private_key(public_exponent=65537, key_size=1024)
            data = key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
            _write_private(self.directory / f"rsa-v{version}.pem", data)
        else:
            secret = base64.b64encode(secrets.token_bytes(16))
            _write_private(self.directory / f"hmac-v{version}.key", secret)
        return version

    def _load(self, kind: str, version: str, path: Path) -> Signer:
        data = path.read_bytes()
        if kind == "hmac":
            return HmacSigner(base64.b64decode(data.strip()), version)
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa

        key = serialization.load_pem_private_key(data, password=None)
        if not isinstance(key, rsa.RSAPrivateKey):
            raise ValueError(f"{path} is not an RSA key")
        return RsaSigner(key, version)

    def verifiers(self) -> dict[tuple[str, str], Signer]:
        """Every key ever used, by (method, key version)."""
        result: dict[tuple[str, str], Signer] = {}
        for kind, method in (("rsa", RSA_METHOD), ("hmac", HMAC_METHOD)):
            for version, path in self._versions(kind).items():
                result[(method, version)] = self._load(kind, version, path)
        for version, path in self._public_only().items():
            result[(RSA_METHOD, version)] = _public_verifier(path.read_bytes(), version)
        return result

    def hmac_secret_b64(self, version: str) -> str:
        """An HMAC key version's secret as Base64 text (what the server registers)."""
        secret = self._load("hmac", version, self._versions("hmac")[version])
        assert isinstance(secret, HmacSigner)
        return base64.b64encode(secret.secret).decode("ascii")

    def public_key_pem(self, version: str | None = None) -> bytes:
        public = self._public_only()
        if version in public:
            return public[version].read_bytes()
        versions = self._versions("rsa")
        if not versions:
            self.signer(RSA_METHOD)
            versions = self._versions("rsa")
        chosen = version or max(versions, key=int)
        signer = self._load("rsa", chosen, versions[chosen])
        assert isinstance(signer, RsaSigner)
        from cryptography.hazmat.primitives import serialization

        return signer.private_key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )


def _public_verifier(pem: bytes, version: str) -> Signer:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = serialization.load_pem_public_key(pem)
    if not isinstance(key, rsa.RSAPublicKey):
        raise ValueError(f"public key version {version} is not an RSA key")
    return _VerifyOnly(RsaVerifier(key, version))


@dataclass(frozen=True)
class _VerifyOnly:
    """A key version this counter can verify with but not sign with."""

    verifier: RsaVerifier

    @property
    def method(self) -> str:
        return RSA_METHOD

    @property
    def key_version(self) -> str:
        return self.verifier.key_version

    def sign(self, data: str) -> str:
        raise PermissionError(f"key version {self.key_version} has no private key here")

    def verify(self, data: str, signature: str) -> bool:
        return self.verifier.verify(data, signature)
