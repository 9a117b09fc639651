-- The audit-log viewer (issue 17): an organisation's log newest first over all of it, and a guardian's or staff
-- member's events as the record changed or read (entityId); a student's and an actor's have their indexes already.
-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_entityId_at_idx" ON "AuditEvent"("entityId", "at");
