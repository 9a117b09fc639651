import { useTranslation } from 'react-i18next';
import type { LessonFieldsFragment } from '../../gql/graphql';
import { formatSchoolTime } from '../../lib/dates';
import { withWordBreaks } from '../../lib/word-breaks';

interface LessonCardProps {
  lesson: LessonFieldsFragment;
  /** Staff see which group they teach; students and guardians see who teaches. */
  perspective: 'student' | 'teacher';
}

export function LessonCard({ lesson, perspective }: LessonCardProps) {
  const { t } = useTranslation();
  const cancelled = lesson.status === 'CANCELLED';
  const start = formatSchoolTime(lesson.startsAt);
  const end = formatSchoolTime(lesson.endsAt);
  const room = lesson.room ? t('schedule.room', { room: withWordBreaks(lesson.room) }) : t('schedule.noRoom');
  const teachers = lesson.teachers.map((teacher) => teacher.name).join(', ');

  const originalParts = [
    lesson.originalStartsAt && lesson.originalStartsAt !== lesson.startsAt
      ? t('schedule.originalTimePart', { time: formatSchoolTime(lesson.originalStartsAt) })
      : null,
    lesson.originalRoom && lesson.originalRoom !== lesson.room ? t('schedule.originalRoomPart', { room: lesson.originalRoom }) : null,
  ].filter((part): part is string => part !== null);
  const changeText = originalParts.length > 0 ? t('schedule.originally', { details: originalParts.join(', ') }) : null;

  const classes = ['lesson'];
  if (cancelled) classes.push('lesson--cancelled');
  if (lesson.changed && !cancelled) classes.push('lesson--changed');

  return (
    <li className={classes.join(' ')} data-testid="lesson" data-status={cancelled ? 'cancelled' : lesson.changed ? 'changed' : 'scheduled'}>
      <div className="lesson__top">
        <p className="lesson__time">
          <time dateTime={lesson.startsAt}>{start}</time>–<time dateTime={lesson.endsAt}>{end}</time>
        </p>
        {cancelled ? <span className="badge badge--cancelled">{t('schedule.cancelled')}</span> : null}
        {lesson.changed && !cancelled ? <span className="badge badge--changed">{t('schedule.changed')}</span> : null}
      </div>
      <h3 className="lesson__subject">{withWordBreaks(lesson.subjectName)}</h3>
      <p className="lesson__meta">
        {perspective === 'teacher' ? (
          <>
            <span className="lesson__group">{lesson.groupName}</span>
            <span className="lesson__sep" aria-hidden="true">
              ·
            </span>
            <span className="lesson__room">{room}</span>
          </>
        ) : (
          <>
            <span className="lesson__room">{room}</span>
            {teachers ? (
              <>
                <span className="lesson__sep" aria-hidden="true">
                  ·
                </span>
                <span className="lesson__teachers">{teachers}</span>
              </>
            ) : null}
          </>
        )}
      </p>
      {lesson.changed && !cancelled && (changeText || lesson.changeNote) ? (
        <div className="lesson__change">
          {changeText ? <p>{changeText}</p> : null}
          {lesson.changeNote ? <p lang="sv">{lesson.changeNote}</p> : null}
        </div>
      ) : null}
      {/* Notes are written by the school's staff, in Swedish. */}
      {cancelled && lesson.changeNote ? (
        <p className="lesson__change" lang="sv">
          {lesson.changeNote}
        </p>
      ) : null}
    </li>
  );
}
