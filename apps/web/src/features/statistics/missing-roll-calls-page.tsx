import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import { formatSchoolTime, formatShortDate, formatShortWeekday } from '../../lib/dates';
import { currentLocale } from '../../lib/i18n';
import { formatNumber } from './format';
import { CLASS_PARAM, SCHOOL_PARAM } from './missing-roll-calls-link';
import { LessonsWithoutRollCallDocument } from './operations';
import { PeriodPicker } from './period-picker';
import { useRangeParam } from './range-param';
import './statistics.css';
import './missing-roll-calls.css';

/**
 * /narvaro/saknas?klass=<id> | ?skola=<id> | (neither: my own lessons), with the statistics' period:
 * the lessons behind "lessons without roll call", each a way to its roll call.
 */
export function MissingRollCallsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const classId = params.get(CLASS_PARAM);
  const schoolId = params.get(SCHOOL_PARAM);
  const scope = classId ? { classId } : schoolId ? { schoolId } : { mine: true };
  const param = useRangeParam();
  const locale = currentLocale();
  const { data, error, loading, refetch } = useQuery(LessonsWithoutRollCallDocument, {
    variables: { scope, range: param.range ?? { period: 'TERM' }, locale },
    skip: !param.range,
    fetchPolicy: 'cache-and-network',
  });
  const result = data?.lessonsWithoutRollCall;
  const scopeName = result?.name ?? null;
  usePageTitle(scopeName ? t('missingRollCalls.titleFor', { name: scopeName }) : t('missingRollCalls.heading'));
  const back = classId
    ? { to: `/klass/${encodeURIComponent(classId)}/franvaro${window.location.search}`, label: t('missingRollCalls.back.class') }
    : schoolId
      ? { to: `/skola/franvaro${window.location.search}`, label: t('missingRollCalls.back.school') }
      : { to: '/idag', label: t('missingRollCalls.back.today') };

  return (
    <div className="stats-page">
      <header className="page-header">
        <div className="page-header__text">
          <p className="page-header__kicker">
            <Link className="text-link" to={back.to}>
              <span aria-hidden="true" className="back-arrow">
                ‹
              </span>
              {back.label}
            </Link>
          </p>
          <h1 className="page-header__title">{t('missingRollCalls.heading')}</h1>
          {scopeName || (!classId && !schoolId) ? (
            <p className="page-header__sub" data-testid="missing-roll-calls-scope">
              {scopeName ?? t('missingRollCalls.mine')}
            </p>
          ) : null}
        </div>
      </header>
      <PeriodPicker param={param} shown={result ? { from: result.from, to: result.to } : null} />
      {error && !result ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !param.range ? null : !result ? (
        loading ? (
          <LoadingState label={t('missingRollCalls.loading')} />
        ) : null
      ) : (
        <section className="panel" aria-labelledby="missing-roll-calls-heading">
          <h2 id="missing-roll-calls-heading" className="section-heading">
            {t('missingRollCalls.count', { count: result.lessons.length, formatted: formatNumber(result.lessons.length, locale) })}
          </h2>
          {result.truncated ? <Alert tone="info">{t('missingRollCalls.truncated', { count: result.lessons.length })}</Alert> : null}
          {result.lessons.length === 0 ? (
            <p data-testid="missing-roll-calls-none">{t('missingRollCalls.none')}</p>
          ) : (
            <ol className="missing-roll-calls" aria-labelledby="missing-roll-calls-heading" data-testid="missing-roll-calls">
              {result.lessons.map((lesson) => {
                const when = `${formatShortWeekday(lesson.date, locale)} ${formatShortDate(lesson.date, locale)}, ${t('schedule.time', {
                  start: formatSchoolTime(lesson.startsAt),
                  end: formatSchoolTime(lesson.endsAt),
                })}`;
                return (
                  <li key={lesson.lessonId} className="missing-roll-calls__item" data-testid="missing-roll-call">
                    <div>
                      <p className="missing-roll-calls__when">{when}</p>
                      <p>
                        {lesson.subjectName}, {lesson.groupName}
                      </p>
                      <p className="missing-roll-calls__muted">{lesson.teacherNames.join(', ')}</p>
                    </div>
                    <p className="missing-roll-calls__count">
                      {t('missingRollCalls.missingStudents', {
                        count: lesson.missingStudents,
                        formatted: formatNumber(lesson.missingStudents, locale),
                      })}
                    </p>
                    {lesson.mayTakeNow ? (
                      <Link
                        className="button button--secondary"
                        to={`/lektion/${encodeURIComponent(lesson.lessonId)}/narvaro`}
                        aria-label={t('missingRollCalls.takeLabel', { subject: lesson.subjectName, group: lesson.groupName, when })}
                        data-testid="take-roll-call"
                      >
                        {t('missingRollCalls.take')}
                      </Link>
                    ) : (
                      <p className="missing-roll-calls__muted">{t('missingRollCalls.mentorCan')}</p>
                    )}
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      )}
    </div>
  );
}
