import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentIsoWeek, sameIsoWeek, shiftIsoWeek, type IsoWeek } from '../../lib/dates';

interface WeekNavigationProps {
  week: IsoWeek;
  searchFor: (week: IsoWeek) => string;
}

export function WeekNavigation({ week, searchFor }: WeekNavigationProps) {
  const { t } = useTranslation();
  const previous = shiftIsoWeek(week, -1);
  const next = shiftIsoWeek(week, 1);
  const today = currentIsoWeek();
  const showingToday = sameIsoWeek(week, today);
  return (
    <nav className="week-nav" aria-label={t('schedule.weekNavigation')}>
      <Link
        className="button button--secondary week-nav__step"
        to={searchFor(previous)}
        aria-label={t('schedule.previousWeekLabel', { week: previous.isoWeek })}
        data-testid="previous-week"
      >
        <span aria-hidden="true" className="week-nav__arrow">
          ‹
        </span>
        <span className="week-nav__long">{t('schedule.previousWeek')}</span>
        <span className="week-nav__short">{t('schedule.previousWeekShort')}</span>
      </Link>
      <Link
        className={`button week-nav__today ${showingToday ? 'button--secondary' : 'button--primary'}`}
        to={searchFor(today)}
        aria-label={t('schedule.todayLabel', { week: today.isoWeek })}
        aria-current={showingToday ? 'page' : undefined}
        data-testid="this-week"
      >
        {t('schedule.today')}
      </Link>
      <Link
        className="button button--secondary week-nav__step"
        to={searchFor(next)}
        aria-label={t('schedule.nextWeekLabel', { week: next.isoWeek })}
        data-testid="next-week"
      >
        <span className="week-nav__long">{t('schedule.nextWeek')}</span>
        <span className="week-nav__short">{t('schedule.nextWeekShort')}</span>
        <span aria-hidden="true" className="week-nav__arrow">
          ›
        </span>
      </Link>
    </nav>
  );
}
