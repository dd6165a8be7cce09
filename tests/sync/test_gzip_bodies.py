"""What the counter compresses, any gzip reader (the server's zlib) inflates to the same bytes."""

from __future__ import annotations

import gzip
import json
import zlib

from sync.http import gzipped


def test_a_push_body_inflates_with_the_standard_library_to_the_very_same_bytes():
    events = [
        {"event_id": f"e{n}", "payload": {"text": "Brukt jakke, størrelse M – æøå \u2028", "n": n}}
        for n in range(4000)
    ]
    body = json.dumps({"events": events}, ensure_ascii=False).encode("utf-8")

    packed = gzipped(body)

    assert gzip.decompress(packed) == body
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)  # as the server inflates it
    assert inflater.decompress(packed) == body and inflater.eof
    assert len(packed) < len(body) // 4


def test_an_empty_body_is_still_one_whole_gzip_member():
    assert gzip.decompress(gzipped(b"")) == b""
