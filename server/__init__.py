"""The central server: FastAPI over PostgreSQL. Counters push their journal and outbox here and
pull reference data; ``omigjen-server`` runs and administers it."""
