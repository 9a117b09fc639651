// The access rules, decided here and nowhere else: who may see a record (records.ts) and who may do each piece of the
// school's work. Every rule is a plain function of the viewer's facts; matrix.test.ts holds them to one table per role.
export * from './records.ts';
export * from './roll-calls.ts';
export * from './assessments.ts';
export * from './plans.ts';
export * from './news.ts';
export * from './leave.ts';
export * from './support-decisions.ts';
export * from './protected-identity.ts';
