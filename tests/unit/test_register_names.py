"""A register is shown by its id and, when it says more, its name: a counter the server made
register K2 is "Kasse 2" until a manager names it, and no report says "K2 K2"."""

from __future__ import annotations

from pos.model.registers import default_register_name, register_label


def test_a_register_the_server_gives_is_named_as_the_first_run_names_the_first():
    assert default_register_name("K2") == "Kasse 2"
    assert default_register_name("K12") == "Kasse 12"
    assert default_register_name("DISK") == "DISK"


def test_the_label_names_the_register_once():
    assert register_label("K2", "K2") == "K2"
    assert register_label("K2", " ") == "K2"
    assert register_label("K1", "Kasse 1 – disken") == "K1 Kasse 1 – disken"
