-- A student's SS 12000 record carries their enrolment: its school year (årskurs) from the class they are in, and its
-- end once they have left. Both follow their memberships, so a membership added, changed or removed marks the student
-- modified too, for the clients that ask for what changed since their last call (meta.modified.after).
CREATE TRIGGER ss12000_student_memberships_added AFTER INSERT ON "GroupMembership"
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION ss12000_touch_students();
CREATE TRIGGER ss12000_student_memberships_changed AFTER UPDATE ON "GroupMembership"
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION ss12000_touch_students();
CREATE TRIGGER ss12000_student_memberships_removed AFTER DELETE ON "GroupMembership"
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION ss12000_touch_students();
