"""The server's anchor time in ``verify-journal`` is Norwegian time, as ``admin devices`` and
the web say it, not the UTC the server answers in."""

from __future__ import annotations

from typing import Any

from sync.anchors import server_anchor


class AnswersAnchor:
    def __init__(self, received_at: str) -> None:
        self.received_at = received_at

    def get_json(self, path: str, params: Any = None) -> dict[str, Any]:
        assert path == "/v1/anchor"
        return {"seq": 7, "hash": "9f3ac21b77d01e2a", "received_at": self.received_at}


def test_the_servers_anchor_time_is_said_in_norwegian_time() -> None:
    for stamp in ("2026-12-07T20:22:05Z", "2026-12-07T20:22:05+00:00"):
        found = server_anchor(AnswersAnchor(stamp))  # type: ignore[arg-type]
        assert found is not None and found.source == "the server, 2026-12-07 21:22"
    summer = server_anchor(AnswersAnchor("2026-06-30T22:30:00+00:00"))  # type: ignore[arg-type]
    assert summer is not None and summer.source == "the server, 2026-07-01 00:30"
