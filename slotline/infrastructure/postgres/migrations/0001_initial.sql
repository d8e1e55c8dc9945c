-- slotline schema version 1: the tables of slotline/infrastructure/sqlite/schema.py, on PostgreSQL.
-- Times are timestamptz (instants); phone numbers are E.164 text. Applied in one transaction by `slotline db migrate`.

CREATE EXTENSION IF NOT EXISTS btree_gist;  -- `=` and `<>` on text inside a GiST exclusion constraint

CREATE TABLE appointments (
    id text PRIMARY KEY,
    service_id text NOT NULL,
    staff_id text NOT NULL,
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL,
    occupied_start timestamptz NOT NULL,
    occupied_end timestamptz NOT NULL,
    occupied tstzrange GENERATED ALWAYS AS (tstzrange(occupied_start, occupied_end, '[)')) STORED,
    customer_phone text NOT NULL CHECK (customer_phone ~ '^\+[1-9][0-9]*$'),
    customer_name text,
    status text NOT NULL CHECK (status IN ('held', 'confirmed', 'cancelled')),
    external_event_id text,
    idempotency_key text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CHECK (starts_at < ends_at AND occupied_start <= starts_at AND ends_at <= occupied_end)
);
CREATE INDEX appointments_by_staff ON appointments (staff_id, occupied_start);
CREATE INDEX appointments_by_phone ON appointments (customer_phone, starts_at);

CREATE TABLE holds (
    id text PRIMARY KEY,
    key text NOT NULL UNIQUE,
    replacing text,
    service_id text NOT NULL,
    staff_id text NOT NULL,
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL,
    occupied_start timestamptz NOT NULL,
    occupied_end timestamptz NOT NULL,
    occupied tstzrange GENERATED ALWAYS AS (tstzrange(occupied_start, occupied_end, '[)')) STORED,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    CHECK (starts_at < ends_at AND occupied_start <= starts_at AND ends_at <= occupied_end)
);
CREATE INDEX holds_by_staff ON holds (staff_id, expires_at);

-- The double-booking guard. Every live (held or confirmed) appointment and every hold has exactly one row here,
-- written by the triggers below in the same statement, so no code path can skip it. Two rows of one staff member
-- whose occupied ranges overlap are refused unless they have the same owner: an appointment owns its row, a hold
-- owns its own, and a hold taken to move appointment X is owned by X (so X and its move do not block each other).
-- Two holds never overlap, whoever owns them. Ranges are half-open: back to back is fine.
CREATE TABLE reservations (
    staff_id text NOT NULL,
    occupied tstzrange NOT NULL CHECK (NOT isempty(occupied)),
    owner text NOT NULL,
    appointment_id text UNIQUE REFERENCES appointments (id) ON DELETE CASCADE,
    hold_id text UNIQUE REFERENCES holds (id) ON DELETE CASCADE,
    CHECK (num_nonnulls(appointment_id, hold_id) = 1),
    CONSTRAINT reservations_no_overlap EXCLUDE USING gist (staff_id WITH =, occupied WITH &&, owner WITH <>),
    CONSTRAINT reservations_no_overlapping_holds
        EXCLUDE USING gist (staff_id WITH =, occupied WITH &&) WHERE (hold_id IS NOT NULL)
);

CREATE FUNCTION reserve_appointment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM reservations WHERE appointment_id = NEW.id;
    IF NEW.status IN ('held', 'confirmed') THEN
        INSERT INTO reservations (staff_id, occupied, owner, appointment_id)
        VALUES (NEW.staff_id, NEW.occupied, NEW.id, NEW.id);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER appointments_reserve AFTER INSERT OR UPDATE OF id, status, staff_id, occupied_start, occupied_end
    ON appointments FOR EACH ROW EXECUTE FUNCTION reserve_appointment();

CREATE FUNCTION reserve_hold() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM reservations WHERE hold_id = NEW.id;
    INSERT INTO reservations (staff_id, occupied, owner, hold_id)
    VALUES (NEW.staff_id, NEW.occupied, COALESCE(NEW.replacing, 'hold:' || NEW.id), NEW.id);
    RETURN NULL;
END $$;

CREATE TRIGGER holds_reserve AFTER INSERT OR UPDATE OF id, replacing, staff_id, occupied_start, occupied_end
    ON holds FOR EACH ROW EXECUTE FUNCTION reserve_hold();

CREATE TABLE appointment_changes (
    key text PRIMARY KEY,
    appointment_id text NOT NULL REFERENCES appointments (id),
    kind text NOT NULL CHECK (kind IN ('move', 'cancel')),
    created_at timestamptz NOT NULL
);

CREATE TABLE outbox (
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id text PRIMARY KEY,
    to_phone text NOT NULL CHECK (to_phone ~ '^\+[1-9][0-9]*$'),
    body text NOT NULL,
    dedupe_key text NOT NULL UNIQUE,
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
    attempts integer NOT NULL DEFAULT 0,
    last_error text,
    next_attempt_at timestamptz,
    provider_id text,
    created_at timestamptz NOT NULL,
    sent_at timestamptz
);
CREATE INDEX outbox_due ON outbox (created_at, seq) WHERE status = 'pending';

CREATE TABLE calendar_events (
    id text PRIMARY KEY,
    staff_id text NOT NULL,
    calendar_id text,
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL CHECK (starts_at < ends_at),
    subject text NOT NULL,
    body text NOT NULL DEFAULT '',
    customer_phone text,
    customer_name text,
    appointment_id text,
    service_id text,
    idempotency_key text UNIQUE,
    slotline boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL
);
CREATE INDEX calendar_events_by_staff ON calendar_events (staff_id, starts_at);
CREATE INDEX calendar_events_by_phone ON calendar_events (customer_phone, starts_at);

CREATE TABLE customers (
    phone text PRIMARY KEY CHECK (phone ~ '^\+[1-9][0-9]*$'),
    name text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE VIEW agenda AS
    SELECT id, staff_id, service_id, status, customer_name, starts_at, ends_at
    FROM appointments ORDER BY starts_at;
