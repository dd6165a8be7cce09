"""A server that does not answer is said in the window's language on the sync page, not as
the English reason the sync layer keeps."""

from __future__ import annotations

from tests.cli.test_offline_in_bokmal import closed_port
from tests.ui.conftest import log_in
from ui.pages import PageContext


def test_enrolling_to_a_silent_server_says_so_in_bokmal(window, counter, bokmal) -> None:
    log_in(window, "9001", "9999")
    keys = {"1": counter.keys.public_key_pem("1").decode("ascii")}
    window.page_context = PageContext(window.session, window.tasks, extras={"public_keys": keys})
    page = window.show_page("sync")
    page.server.setText(f"http://127.0.0.1:{closed_port()}")
    page.code.setText("ABCD-EFGH-JKLM")
    page.enrol()
    said = page.state.text()
    assert "serveren svarer ikke (ConnectionError)" in said, said
    assert "unreachable" not in said
