-- ───────────────────────── Audit events of no organisation ─────────────────────────
-- A sign-in with a username no account has, a call from a number no guardian has: an audit event about no student, by
-- no account and naming no organisation belongs to none, so audit_event_purge never deletes it. These go with any
-- organisation's retention run (apps/api/src/modules/retention), once older than the longest audit period of all the
-- organisations (packages/domain/src/retention.ts, unownedAuditCutoff).

-- The purge's scan: only such events, oldest first, without reading the rest of the log.
CREATE INDEX "AuditEvent_unowned_at_idx" ON "AuditEvent" ("at") WHERE "studentId" IS NULL AND "userId" IS NULL;

-- Deletes at most p_limit audit events of no organisation from before p_before, oldest first, and says how many. Never
-- one younger than 12 months, nor than the longest period an organisation's policy keeps its events for, and none while
-- an organisation's policy keeps its events (by the database's clock). SECURITY DEFINER and marked as audit_event_purge
-- (migration retention): on a PostgreSQL server the API's role needs EXECUTE on it (README, "Retention").
CREATE FUNCTION audit_event_purge_unowned(p_before TIMESTAMPTZ, p_limit INTEGER) RETURNS INTEGER
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  longest_months INTEGER;
  deleted INTEGER;
BEGIN
  IF p_limit IS NULL OR p_limit < 1 OR p_limit > 10000 THEN
    RAISE EXCEPTION 'audit_event_purge_unowned deletes 1 to 10000 events at a time, not %', p_limit USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF EXISTS (SELECT 1 FROM "RetentionPolicy" WHERE "auditEventMonths" IS NULL) THEN
    RAISE EXCEPTION 'Audit events of no organisation are kept: an organisation''s policy keeps its audit events'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT max("auditEventMonths") INTO longest_months FROM "RetentionPolicy";
  PERFORM set_config('insyn.audit_purge', pg_current_xact_id()::text, true);
  DELETE FROM "AuditEvent" WHERE id IN (
    SELECT e.id FROM "AuditEvent" e
    WHERE e."studentId" IS NULL AND e."userId" IS NULL
      AND e."at" < least(p_before, now() - make_interval(months => greatest(longest_months, 12)))
      AND (e."entityType" = 'organisation' AND e."entityId" ~* '^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$') IS NOT TRUE
    ORDER BY e."at", e.id
    LIMIT p_limit
  );
  GET DIAGNOSTICS deleted = ROW_COUNT;
  PERFORM set_config('insyn.audit_purge', '', true);
  RETURN deleted;
END;
$$;

REVOKE ALL ON FUNCTION audit_event_purge_unowned(TIMESTAMPTZ, INTEGER) FROM PUBLIC;
