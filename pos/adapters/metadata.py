"""The one SQLAlchemy MetaData every table of the local store registers on."""

from __future__ import annotations

from sqlalchemy import MetaData

metadata = MetaData()
