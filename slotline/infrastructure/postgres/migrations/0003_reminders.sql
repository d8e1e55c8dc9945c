-- slotline schema version 3: reminders, texts scheduled for a time before an appointment (docs/sms.md#reminders),
-- as slotline/infrastructure/sqlite/schema.py's _V3. A reminder is not due before next_attempt_at (= due_at when
-- queued); a move or cancel of its appointment deletes it unless sent.

ALTER TABLE outbox ADD COLUMN due_at timestamptz;
ALTER TABLE outbox ADD COLUMN reminder_for text;
CREATE INDEX outbox_by_reminder ON outbox (reminder_for) WHERE reminder_for IS NOT NULL;
