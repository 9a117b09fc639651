import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/ui/data-table';
import { Field } from '../../../components/ui/field';
import { isoWeekOf } from '@insyn/domain';
import { formatIsoWeek, formatSchoolTime, formatShortDate, formatWeekday, parseIsoWeek, schoolToday } from '../../../lib/dates';
import { currentLocale } from '../../../lib/i18n';
import { ScheduleGroupLessonsDocument } from './operations';

/** This week while the term runs, else the term's first week. */
function startWeek(term: { startDate: string; endDate: string }): string {
  const today = schoolToday();
  return formatIsoWeek(isoWeekOf(today >= term.startDate && today <= term.endDate ? today : term.startDate));
}

/** Finds a group's lessons in a week, each with a link to change it. */
export function LessonFinder({
  groups,
  defaultGroupId,
  term,
}: {
  groups: readonly { id: string; name: string }[];
  defaultGroupId: string | null;
  term: { startDate: string; endDate: string };
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const id = useId();
  const [groupId, setGroupId] = useState(defaultGroupId ?? groups[0]?.id ?? '');
  const [weekText, setWeekText] = useState(() => startWeek(term));
  const week = parseIsoWeek(weekText.trim().toUpperCase());
  const { data, loading } = useQuery(ScheduleGroupLessonsDocument, {
    variables: { groupId, week: week ?? { isoYear: 2000, isoWeek: 1 } },
    skip: !groupId || !week,
  });
  const lessons = data?.scheduleGroupLessons ?? [];

  return (
    <section className="schedule-admin__section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('administration.schedule.finder.heading')}</h2>
      <div className="schedule-admin__filters">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-group`}>
            {t('administration.schedule.group')}
          </label>
          <select id={`${id}-group`} className="field__input" value={groupId} onChange={(event) => setGroupId(event.target.value)}>
            {groups.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        </div>
        <Field
          id={`${id}-week`}
          label={t('administration.schedule.finder.week')}
          hint={t('administration.schedule.finder.weekHint')}
          errors={week ? [] : [t('administration.schedule.finder.badWeek')]}
        >
          {(describedBy, invalid) => (
            <input
              id={`${id}-week`}
              className="field__input"
              value={weekText}
              autoComplete="off"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => setWeekText(event.target.value)}
            />
          )}
        </Field>
      </div>
      <DataTable caption={t('administration.schedule.finder.caption')} testId="lesson-finder">
        <thead>
          <tr>
            <th scope="col">{t('administration.schedule.finder.day')}</th>
            <th scope="col">{t('administration.schedule.finder.time')}</th>
            <th scope="col">{t('administration.schedule.columns.subject')}</th>
            <th scope="col">{t('administration.schedule.columns.room')}</th>
            <th scope="col">{t('administration.schedule.finder.status')}</th>
          </tr>
        </thead>
        <tbody aria-busy={loading}>
          {lessons.map((lesson) => (
            <tr key={lesson.id}>
              <td>
                {formatWeekday(lesson.date, locale)} {formatShortDate(lesson.date, locale)}
              </td>
              <td>
                <Link to={`/administration/lektioner/${lesson.id}`}>
                  {formatSchoolTime(lesson.startsAt)}–{formatSchoolTime(lesson.endsAt)}
                  <span className="visually-hidden">, {lesson.subjectName}</span>
                </Link>
              </td>
              <td>{lesson.subjectName}</td>
              <td>{lesson.room ?? '–'}</td>
              <td>
                {lesson.status === 'CANCELLED'
                  ? t('administration.schedule.lesson.cancelled')
                  : lesson.changeNote
                    ? t('administration.schedule.lesson.changed')
                    : t('administration.schedule.lesson.scheduled')}
              </td>
            </tr>
          ))}
          {!loading && lessons.length === 0 ? (
            <tr>
              <td colSpan={5}>{t('administration.schedule.finder.none')}</td>
            </tr>
          ) : null}
        </tbody>
      </DataTable>
    </section>
  );
}
