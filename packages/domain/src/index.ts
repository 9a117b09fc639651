// Domain rules shared by the API and the web app. Plain functions, no I/O.
export * from './iso-week.ts';
export * from './age.ts';
export * from './access.ts';
export * from './personnummer.ts';
export * from './school-calendar.ts';
export * from './attendance.ts';
export * from './contact.ts';
export * from './absence-reports.ts';
export * from './absence-statistics.ts';
export * from './grade-warnings.ts';
export * from './support-decisions.ts';
export * from './development-plans.ts';
export * from './assessments.ts';
export * from './news.ts';
export * from './administration/schedule.ts';
