-- slotline schema version 2: call records (docs/call-records.md), as slotline/infrastructure/sqlite/schema.py's _V2.
-- A record is begun when a call comes in, one entry is added per turn, and it is finished with the outcome.

CREATE TABLE call_records (
    call_id text PRIMARY KEY,
    business text,
    caller text CHECK (caller ~ '^\+[1-9][0-9]*$'),
    transcripts boolean NOT NULL,
    started_at timestamptz NOT NULL,
    answered_at timestamptz,
    ended_at timestamptz,
    outcome text,
    transfer_reason text,
    appointment_id text
);
CREATE INDEX call_records_by_start ON call_records (started_at);
CREATE INDEX call_records_by_caller ON call_records (caller, started_at);

CREATE TABLE call_entries (
    call_id text NOT NULL REFERENCES call_records (call_id) ON DELETE CASCADE,
    seq integer NOT NULL CHECK (seq >= 0),
    at timestamptz NOT NULL,
    kind text NOT NULL,
    text text,
    understood text,
    recognised_ms integer,
    decided_ms integer,
    first_audio_ms integer,
    duration_ms integer,
    error text,
    PRIMARY KEY (call_id, seq)
);
