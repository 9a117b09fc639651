-- The audit log is append-only (issue 17): who read or changed a child's data must stay as it was written. A row
-- that is updated or deleted is refused, whoever asks, on PostgreSQL and on the embedded database alike. (TRUNCATE,
-- which only the database's owner may run and which the demo seed uses to start afresh, does not fire row triggers.)
-- In production the API's own database role should also hold only SELECT and INSERT on "AuditEvent" (README,
-- "The audit log").
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The audit log is append-only: % of "AuditEvent" refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_append_only
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
