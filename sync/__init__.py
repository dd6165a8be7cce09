"""Client side of sync: push the outbox, pull reference data, enrol (Qt-free, uses requests)."""
