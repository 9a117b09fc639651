// The absence message's text: what happened, and one link to the lesson's entry in the list behind the
// absence figures, where the home checks it and reports sickness; the phone line named when there is one.
import { describe, expect, it } from 'vitest';
import type { NotificationConfig } from '../../config.ts';
import { absenceLessonLink, absenceText, type AbsenceFacts } from './messages.ts';

const config = (sickReportPhone?: string) =>
  ({ publicUrl: 'https://insyn.example.se', sickReportPhone }) as Pick<
    NotificationConfig,
    'publicUrl' | 'sickReportPhone'
  > as NotificationConfig;

const facts: AbsenceFacts = {
  studentId: '11111111-1111-4111-8111-111111111111',
  lessonId: '22222222-2222-4222-8222-222222222222',
  date: '2026-11-25',
  childName: 'Alva',
  subjectSv: 'Matematik',
  subjectEn: 'Mathematics',
  // 08:15 in Stockholm
  startsAt: new Date('2026-11-25T07:15:00Z'),
  status: 'ABSENT',
  lateMinutes: null,
};
const link =
  'https://insyn.example.se/franvaro/lektioner?elev=11111111-1111-4111-8111-111111111111&dag=2026-11-25&lektion=22222222-2222-4222-8222-222222222222';

describe('the absence message', () => {
  it("links to the lesson's entry", () => {
    expect(absenceLessonLink(config(), facts)).toBe(link);
  });

  it('in Swedish: the SMS with the link, the e-mail with the link and the sick-report page', () => {
    const text = absenceText('sv', facts, config());
    expect(text.sms).toBe(
      `Insyn: Alva är frånvarande från Matematik 25 november 08:15, utan anmäld giltig orsak. Se lektionen och sjukanmäl: ${link}`,
    );
    expect(text.body).toContain(`Se lektionen i Insyn: ${link}\n\nSjukanmäl på https://insyn.example.se/sjukanmalan.`);
    expect(absenceText('sv', { ...facts, status: 'LATE', lateMinutes: 12 }, config('+46812345678')).sms).toBe(
      `Insyn: Alva kom 12 minuter för sent till Matematik 25 november 08:15, utan anmäld giltig orsak. Se lektionen och sjukanmäl: ${link} eller ring +46812345678`,
    );
  });

  it('in English likewise', () => {
    const text = absenceText('en', facts, config('+46812345678'));
    expect(text.sms).toBe(
      `Insyn: Alva is absent from Mathematics at 25 November 08:15, with no valid reason reported. See the lesson and report sickness: ${link} or call +46812345678`,
    );
    expect(text.body).toContain(`See the lesson in Insyn: ${link}`);
    expect(text.body).toContain('Report sickness at https://insyn.example.se/sjukanmalan or call +46812345678.');
  });
});
