// Rule 3, absence notifies at once: a roll call with unexcused absence or lateness leaves an
// AbsenceAlert due after the grace period. When it is due, the attendance is read again: a
// correction to present, a sick report or approved leave since then means no message.
import { isUnexcused, schoolDateOf, type AttendanceStatus, type ValidAbsenceReason } from '@insyn/domain';
import type { PrismaClient } from '@insyn/db';
import type { NotificationConfig } from '../../config.ts';
import { absenceText } from './messages.ts';
import { messagesFor, queueMessages, recipientsOf, type NewMessage } from './queue.ts';

interface DueAlert {
  lessonId: string;
  studentId: string;
  status: AttendanceStatus | null;
  validReason: ValidAbsenceReason | null;
  lateMinutes: number | null;
  startsAt: Date;
  lessonStatus: 'SCHEDULED' | 'CANCELLED';
  subjectSv: string;
  subjectEn: string;
  firstName: string;
}

/** Checks up to `limit` due alerts in one transaction and queues their messages; returns how many were checked. */
export async function processDueAbsenceAlerts(prisma: PrismaClient, now: Date, config: NotificationConfig, limit = 200): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const due = await tx.$queryRaw<DueAlert[]>`
      WITH claimed AS (
        SELECT "lessonId", "studentId" FROM "AbsenceAlert"
        WHERE "processedAt" IS NULL AND "dueAt" <= ${now}
        ORDER BY "dueAt"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      SELECT c."lessonId", c."studentId", a.status::text AS status, a."validReason"::text AS "validReason", a."lateMinutes",
             l."startsAt", l.status::text AS "lessonStatus", s."nameSv" AS "subjectSv", s."nameEn" AS "subjectEn", st."firstName"
      FROM claimed c
      JOIN "Lesson" l ON l.id = c."lessonId"
      JOIN "Subject" s ON s.id = l."subjectId"
      JOIN "Student" st ON st.id = c."studentId"
      LEFT JOIN "Attendance" a ON a."lessonId" = c."lessonId" AND a."studentId" = c."studentId"`;
    if (due.length === 0) return 0;

    const stillUnexcused = due.filter(
      (alert) => alert.lessonStatus === 'SCHEDULED' && alert.status !== null && isUnexcused(alert.status, alert.validReason),
    );
    const recipients = await recipientsOf(
      tx,
      stillUnexcused.map((alert) => alert.studentId),
      schoolDateOf(now),
    );
    const outcomes: { lessonId: string; studentId: string; outcome: string; count: number }[] = [];
    const messages: NewMessage[] = [];
    for (const alert of due) {
      if (!stillUnexcused.includes(alert)) {
        outcomes.push({ lessonId: alert.lessonId, studentId: alert.studentId, outcome: 'EXCUSED', count: 0 });
        continue;
      }
      const facts = {
        studentId: alert.studentId,
        lessonId: alert.lessonId,
        date: schoolDateOf(alert.startsAt),
        childName: alert.firstName,
        subjectSv: alert.subjectSv,
        subjectEn: alert.subjectEn,
        startsAt: alert.startsAt,
        status: alert.status === 'LATE' ? ('LATE' as const) : ('ABSENT' as const),
        lateMinutes: alert.lateMinutes,
      };
      const forAlert = (recipients.get(alert.studentId) ?? []).flatMap((recipient) =>
        messagesFor(`absence:${alert.lessonId}:${alert.studentId}`, 'ABSENCE', alert.studentId, recipient, (locale) =>
          absenceText(locale, facts, config),
        ),
      );
      messages.push(...forAlert);
      outcomes.push({
        lessonId: alert.lessonId,
        studentId: alert.studentId,
        outcome: forAlert.length > 0 ? 'NOTIFIED' : 'NO_RECIPIENTS',
        count: forAlert.length,
      });
    }
    await queueMessages(tx, now, messages);
    await tx.$executeRaw`
      UPDATE "AbsenceAlert" a SET "processedAt" = ${now}, outcome = o.outcome, "messageCount" = o.count
      FROM unnest(${outcomes.map((o) => o.lessonId)}::uuid[], ${outcomes.map((o) => o.studentId)}::uuid[],
                  ${outcomes.map((o) => o.outcome)}::text[], ${outcomes.map((o) => o.count)}::int[]) AS o("lessonId", "studentId", outcome, count)
      WHERE a."lessonId" = o."lessonId" AND a."studentId" = o."studentId"`;
    return due.length;
  });
}
