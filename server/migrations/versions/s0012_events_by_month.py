"""Events partitioned by the month they were received (PostgreSQL declarative partitioning),
so the months a push writes to keep small indexes however many years lie behind them.

A unique index on a partitioned table must hold the partition key, so ``UNIQUE(event_id)`` and
``UNIQUE(device_id, device_epoch, device_seq)`` could only hold within one month: an event sent
again a month later would be stored twice. They move to ``event_keys``, one unpartitioned row
per stored event, claimed in the same statement that stores the event (only the events whose
keys were claimed are stored), so exactly-once holds across every month. Months are created 24
ahead (``events_add_months``, also at every start of the server); a row outside them goes to
``events_default`` rather than failing.

Revision ID: s0012
Revises: s0011
Create Date: 2026-12-07 13:30:00
"""

from __future__ import annotations

from alembic import op

revision = "s0012"
down_revision = "s0011"
branch_labels = None
depends_on = None

APP_ROLE = "omigjen_app"
_POLICY = (
    "current_setting('app.scope', true) = 'admin' OR "
    "tenant_id = ANY (string_to_array(current_setting('app.tenant_ids', true), ',')) OR "
    "(tenant_id IS NULL AND site_id = current_setting('app.site_id', true))"
)
_COLUMNS = (
    "id, event_id, site_id, device_id, device_epoch, device_seq, tenant_id, type, type_version, "
    "occurred_at, received_at, hash, payload"
)
_TABLE = """
CREATE TABLE events (
    id bigint NOT NULL DEFAULT nextval('events_id_seq'),
    event_id uuid NOT NULL,
    site_id text NOT NULL,
    device_id text NOT NULL,
    device_epoch integer NOT NULL,
    device_seq bigint NOT NULL,
    tenant_id text,
    type text NOT NULL,
    type_version integer NOT NULL,
    occurred_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    hash text NOT NULL,
    payload jsonb NOT NULL
){partitioned}
"""
_RECEIPT_DAY = (
    "CREATE INDEX events_receipt_day ON events (tenant_id, "
    "((payload->'receipt'->>'local_date')), id) "
    "WHERE type IN ('sale.completed', 'return.completed', 'deposit.completed')"
)
_ADD_MONTHS = """
CREATE FUNCTION events_add_months(since timestamptz, ahead integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    m_start timestamp := date_trunc('month', since AT TIME ZONE 'UTC');
    m_last timestamp := date_trunc('month', now() AT TIME ZONE 'UTC')
        + make_interval(months => ahead);
    m_end timestamp;
    made integer := 0;
BEGIN
    WHILE m_start <= m_last LOOP
        m_end := m_start + interval '1 month';
        IF to_regclass('events_' || to_char(m_start, 'YYYYMM')) IS NULL
           AND NOT EXISTS (SELECT 1 FROM events_default
                           WHERE received_at >= m_start AT TIME ZONE 'UTC'
                             AND received_at < m_end AT TIME ZONE 'UTC') THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF events FOR VALUES FROM (%L) TO (%L)',
                           'events_' || to_char(m_start, 'YYYYMM'),
                           m_start AT TIME ZONE 'UTC', m_end AT TIME ZONE 'UTC');
            made := made + 1;
        END IF;
        m_start := m_end;
    END LOOP;
    RETURN made;
END $$
"""


def _secure_events() -> None:
    op.execute("ALTER SEQUENCE events_id_seq OWNED BY events.id")
    op.execute(f"GRANT SELECT, INSERT ON events TO {APP_ROLE}")  # facts: never changed
    op.execute("ALTER TABLE events ENABLE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE events FORCE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY events_scope ON events USING ({_POLICY}) WITH CHECK ({_POLICY})")


def upgrade() -> None:
    op.execute(
        "CREATE TABLE event_keys (device_id text NOT NULL, device_epoch integer NOT NULL, "
        "device_seq bigint NOT NULL, event_id uuid NOT NULL, "
        "CONSTRAINT event_keys_pkey PRIMARY KEY (device_id, device_epoch, device_seq), "
        "CONSTRAINT event_keys_event_id_key UNIQUE (event_id))"
    )
    op.execute(
        "INSERT INTO event_keys SELECT device_id, device_epoch, device_seq, event_id FROM events"
    )
    op.execute(f"GRANT SELECT, INSERT ON event_keys TO {APP_ROLE}")
    # when the noted receipts were received: the roll-up reads only their months
    op.execute(
        "ALTER TABLE takings_pending ADD COLUMN received_at timestamptz NOT NULL DEFAULT now()"
    )
    op.execute("ALTER TABLE events RENAME TO events_s0011")
    op.execute("ALTER SEQUENCE events_id_seq OWNED BY NONE")
    op.execute(_TABLE.format(partitioned=" PARTITION BY RANGE (received_at)"))
    op.execute("CREATE TABLE events_default PARTITION OF events DEFAULT")
    op.execute(_ADD_MONTHS)
    op.execute("REVOKE ALL ON FUNCTION events_add_months(timestamptz, integer) FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION events_add_months(timestamptz, integer) TO {APP_ROLE}")
    op.execute("SELECT events_add_months(COALESCE((SELECT min(received_at) FROM events_s0011), "
               "now()), 24)")  # fmt: skip
    op.execute(f"INSERT INTO events ({_COLUMNS}) SELECT {_COLUMNS} FROM events_s0011")
    op.execute("DROP TABLE events_s0011")
    op.execute("ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY (id, received_at)")
    op.execute("CREATE INDEX events_event_id ON events (event_id)")
    op.execute("CREATE INDEX events_by_tenant_type ON events (tenant_id, type, id)")
    op.execute(_RECEIPT_DAY)
    _secure_events()
    op.execute("ANALYZE events")


def downgrade() -> None:
    op.execute("ALTER TABLE events RENAME TO events_s0012")
    op.execute("ALTER SEQUENCE events_id_seq OWNED BY NONE")
    op.execute(_TABLE.format(partitioned=""))
    op.execute(f"INSERT INTO events ({_COLUMNS}) SELECT {_COLUMNS} FROM events_s0012 ORDER BY id")
    op.execute("DROP TABLE events_s0012")
    op.execute("DROP FUNCTION events_add_months(timestamptz, integer)")
    op.execute("DROP TABLE event_keys")
    op.execute("ALTER TABLE takings_pending DROP COLUMN received_at")
    op.execute("ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY (id)")
    op.execute("ALTER TABLE events ADD CONSTRAINT events_event_id_key UNIQUE (event_id)")
    op.execute(
        "ALTER TABLE events ADD CONSTRAINT events_device_seq_key "
        "UNIQUE (device_id, device_epoch, device_seq)"
    )
    op.execute("CREATE INDEX events_by_tenant_type ON events (tenant_id, type, id)")
    op.execute(_RECEIPT_DAY)
    _secure_events()
