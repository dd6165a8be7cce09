"""Omigjen POS domain core: money, VAT, tenants, sales, receipts, journal and signatures.

No Qt and no HTTP here; the SQLAlchemy store lives in ``pos.adapters``.
"""

__version__ = "0.1.0"
