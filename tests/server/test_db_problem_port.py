"""The commands a database refusal suggests go to the cluster the URL names: a second
PostgreSQL cluster on a machine listens on another port, and a command without it would
change the wrong cluster (or none)."""

from __future__ import annotations

from server.db_problems import explained

URL = "postgresql+psycopg://pos:secret@localhost:55718/nosuchdb"


def test_a_missing_database_is_created_on_the_urls_port():
    said = explained('FATAL:  database "nosuchdb" does not exist', URL)
    assert "runuser -u postgres -- createdb -p 55718 --owner pos nosuchdb" in said


def test_a_wrong_password_is_set_on_the_urls_port():
    said = explained('FATAL:  password authentication failed for user "pos"', URL)
    assert "runuser -u postgres -- psql -p 55718 -c \"ALTER ROLE pos PASSWORD '...'\"" in said


def test_without_a_port_the_default_cluster_is_meant():
    said = explained("permission denied to create role", "postgresql+psycopg://pos@/pos")
    assert 'runuser -u postgres -- psql -c "ALTER ROLE pos CREATEROLE"' in said
