"""SQLAlchemy 2 store for the counter: tables, engine set-up, migrations and repositories."""
