"""The central server: FastAPI over PostgreSQL (issue 7/8)."""
