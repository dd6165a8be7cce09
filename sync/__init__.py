"""Client side of offline-first sync: outbox pusher, pull cursor, backoff (issue 7/8)."""
