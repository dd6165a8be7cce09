"""The signature follows Skatteetaten's reference (SAF-T Cash Register, Digital Signature
Validator): the vectors below come from its validator and from the published 1024-bit test key."""

import base64
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from pos.adapters.key_files import KeyStore
from pos.signing import HMAC_METHOD, RSA_METHOD, HmacSigner, RsaSigner, signed_string

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RSA_DATA = "0;2014-01-24;23:59:59;123456789;1250.00;1000.00"
RSA_SIGNATURE = (
    "gs1HumV5FxfeUum3Ws9s7ZsczPEtXUq+5/5MgYcbUb3hP9CJ2eg9d6Bm+d+D8HtbfLB3fCV8pfXo1JaluJ0JGtwLzyy"
    "C2uLDR+qvxRbCbly4W0/Ab8jPuF2KJHEPT9HLtbfwMEclMdyK+xp+OPwOvCCnREV43KMwisMGaB4TziA="
)


def test_the_signed_string_has_the_fields_in_the_specified_order():
    assert signed_string("", "2014-01-24", "23:59:59", 123456789, 125000, 100000) == RSA_DATA
    assert signed_string("abc=", "2016-11-24", "10:39:00", 2, -100, -96) == (
        "abc=;2016-11-24;10:39:00;2;-1.00;-0.96"
    )


def test_hmac_sha1_matches_the_validator_vector():
    signer = HmacSigner(b"SkatteetatenSign", "1")
    data = "0;2016-11-24;10:39:00;2;1.00;0.96"
    assert signer.sign(data) == "iHh68DWCU3G42eL/7vOGUMSkvMM="
    assert signer.verify(data, "iHh68DWCU3G42eL/7vOGUMSkvMM=")


def test_rsa_sha1_matches_the_published_test_key_vector():
    key = serialization.load_pem_private_key(
        (FIXTURES / "skatteetaten_test_key.pem").read_bytes(), password=None
    )
    signer = RsaSigner(key, "1")  # type: ignore[arg-type]
    assert signer.sign(RSA_DATA) == RSA_SIGNATURE
    assert signer.verify(RSA_DATA, RSA_SIGNATURE)
    assert not signer.verify(RSA_DATA.replace("1250.00", "1250.01"), RSA_SIGNATURE)
    assert not signer.verify(RSA_DATA, "not base64!")


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl not installed")
def test_openssl_agrees_with_our_rsa_signature(tmp_path):
    data = tmp_path / "data.txt"
    data.write_bytes(RSA_DATA.encode("ascii"))
    out = subprocess.run(
        [
            "openssl",
            "dgst",
            "-sha1",
            "-sign",
            str(FIXTURES / "skatteetaten_test_key.pem"),
            str(data),
        ],
        capture_output=True,
        check=True,
    ).stdout
    assert base64.b64encode(out).decode() == RSA_SIGNATURE


def test_first_run_makes_a_1024_bit_key_sealed_and_readable_by_the_owner_only(tmp_path):
    keys = KeyStore(tmp_path / "keys")
    signer = keys.signer(RSA_METHOD)
    assert isinstance(signer, RsaSigner)
    assert signer.private_key.key_size == 1024
    assert signer.key_version == "1"
    key_file = tmp_path / "keys" / "rsa-v1.sealed"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert b"PRIVATE KEY" not in key_file.read_bytes()
    assert keys.signer(RSA_METHOD).key_version == "1"  # reused, not remade
    assert b"BEGIN PUBLIC KEY" in keys.public_key_pem()


def test_a_new_key_version_keeps_the_old_one_for_verifying(tmp_path):
    keys = KeyStore(tmp_path / "keys")
    old = keys.signer(RSA_METHOD)
    signature = old.sign(RSA_DATA)
    assert keys.rotate(RSA_METHOD) == "2"
    assert keys.signer(RSA_METHOD).key_version == "2"
    assert keys.verifiers()[(RSA_METHOD, "1")].verify(RSA_DATA, signature)
    assert not keys.verifiers()[(RSA_METHOD, "2")].verify(RSA_DATA, signature)


def test_hmac_keys_are_128_bit(tmp_path):
    signer = KeyStore(tmp_path / "keys").signer(HMAC_METHOD)
    assert isinstance(signer, HmacSigner) and len(signer.secret) == 16
