// The school calendar through the API, on both databases: school years, terms and breaks created, edited
// and deleted by the administrator; bad ranges refused per field with nothing written; years and terms in use
// kept; every change audited with before and after; other roles and the other organisation kept out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SERVER_DATABASE,
  errorCode,
  loggedIn,
  startTestServer,
  type GraphQLResult,
  type TestClient,
  type TestServer,
} from '../../../test/harness.ts';

const YEAR_FIELDS = 'id name startDate endDate inUse terms { id kind startDate endDate inUse breaks { id name startDate endDate } }';
const CALENDAR = `query { schoolCalendar { ${YEAR_FIELDS} } }`;
const YEAR = `query($id: ID!) { administeredSchoolYear(id: $id) { ${YEAR_FIELDS} } }`;
const CREATE_YEAR = `mutation($input: SchoolYearInput!) { createSchoolYear(input: $input) { ${YEAR_FIELDS} } }`;
const UPDATE_YEAR = `mutation($id: ID!, $input: SchoolYearInput!) { updateSchoolYear(id: $id, input: $input) { ${YEAR_FIELDS} } }`;
const DELETE_YEAR = 'mutation($id: ID!) { deleteSchoolYear(id: $id) }';
const CREATE_TERM = `mutation($yearId: ID!, $input: TermInput!) { createTerm(schoolYearId: $yearId, input: $input) { ${YEAR_FIELDS} } }`;
const UPDATE_TERM = `mutation($id: ID!, $input: TermInput!) { updateTerm(id: $id, input: $input) { ${YEAR_FIELDS} } }`;
const DELETE_TERM = `mutation($id: ID!) { deleteTerm(id: $id) { ${YEAR_FIELDS} } }`;
const CREATE_BREAK = `mutation($termId: ID!, $input: SchoolBreakInput!) { createSchoolBreak(termId: $termId, input: $input) { ${YEAR_FIELDS} } }`;
const UPDATE_BREAK = `mutation($id: ID!, $input: SchoolBreakInput!) { updateSchoolBreak(id: $id, input: $input) { ${YEAR_FIELDS} } }`;
const DELETE_BREAK = `mutation($id: ID!) { deleteSchoolBreak(id: $id) { ${YEAR_FIELDS} } }`;

interface Break {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
}
interface Term {
  id: string;
  kind: 'AUTUMN' | 'SPRING';
  startDate: string;
  endDate: string;
  inUse: boolean;
  breaks: Break[];
}
interface Year {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  inUse: boolean;
  terms: Term[];
}

const problemsOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.problems;
const NEXT = { name: '2027/28', startDate: '2027-08-16', endDate: '2028-06-09' };
const AUTUMN = { kind: 'AUTUMN', startDate: '2027-08-16', endDate: '2027-12-17' };
const SPRING = { kind: 'SPRING', startDate: '2028-01-10', endDate: '2028-06-09' };
const HOSTLOV = { name: 'Höstlov', startDate: '2027-11-01', endDate: '2027-11-05' };

describe.each(SERVER_DATABASE)('the school calendar, on %s', (kind) => {
  let server: TestServer;
  let admin: TestClient;
  let otherAdmin: TestClient;
  let current: Year;
  let grannby: { yearId: string; termId: string; breakId: string };

  const counts = async () => ({
    years: await server.db.prisma.schoolYear.count(),
    terms: await server.db.prisma.term.count(),
    breaks: await server.db.prisma.schoolBreak.count(),
    audit: await server.db.prisma.auditEvent.count({ where: { action: { startsWith: 'admin.' } } }),
  });
  const audits = (action: string, entityId: string) =>
    server.db.prisma.auditEvent.findMany({ where: { action, entityId }, orderBy: { id: 'asc' } });
  const ok = <T>(result: GraphQLResult<T>): T => {
    expect(result.errors).toBeUndefined();
    return result.data as T;
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await loggedIn(server, 'admin');
    otherAdmin = await loggedIn(server, 'grannby.admin');
    const years = ok(await admin.request<{ schoolCalendar: Year[] }>(CALENDAR)).schoolCalendar;
    current = years.find((year) => year.name === '2026/27')!;
    const theirs = await server.db.prisma.schoolBreak.findFirstOrThrow({
      where: { term: { schoolYear: { organisation: { staff: { some: { account: { username: 'grannby.admin' } } } } } } },
      include: { term: true },
    });
    grannby = { yearId: theirs.term.schoolYearId, termId: theirs.termId, breakId: theirs.id };
  });
  afterAll(() => server?.stop());

  it("shows the organisation's own years, the latest first, with terms and breaks in date order and what is in use", async () => {
    const years = ok(await admin.request<{ schoolCalendar: Year[] }>(CALENDAR)).schoolCalendar;
    expect(years[0]!.name).toBe('2026/27');
    expect(years.map((year) => year.startDate)).toEqual(
      years
        .map((year) => year.startDate)
        .sort()
        .reverse(),
    );
    expect(current.inUse).toBe(true);
    // The demo's basic schedule is this autumn's; the spring term has no lessons yet.
    expect(current.terms.map((term) => [term.kind, term.inUse])).toEqual([
      ['AUTUMN', true],
      ['SPRING', false],
    ]);
    const breaks = current.terms[0]!.breaks;
    expect(breaks.map((b) => b.name)).toContain('Höstlov');
    expect(breaks.map((b) => b.startDate)).toEqual(breaks.map((b) => b.startDate).sort());
    const theirYears = ok(await otherAdmin.request<{ schoolCalendar: Year[] }>(CALENDAR)).schoolCalendar;
    expect(theirYears.map((year) => year.id)).not.toContain(current.id);
    expect(theirYears.map((year) => year.id)).toContain(grannby.yearId);
  });

  it('refuses everyone but an administrator, and answers NOT_FOUND for the other organisation’s year, term and break', async () => {
    for (const username of ['rektor', 'larare', 'vardnadshavare', 'elev']) {
      const client = await loggedIn(server, username);
      expect(errorCode(await client.request(CALENDAR)), username).toBe('FORBIDDEN');
      expect(errorCode(await client.request(CREATE_YEAR, { input: NEXT })), username).toBe('FORBIDDEN');
      expect(errorCode(await client.request(DELETE_BREAK, { id: current.terms[0]!.breaks[0]!.id })), username).toBe('FORBIDDEN');
    }
    const before = await counts();
    expect(errorCode(await admin.request(YEAR, { id: grannby.yearId }))).toBe('NOT_FOUND');
    expect(errorCode(await admin.request(UPDATE_YEAR, { id: grannby.yearId, input: NEXT }))).toBe('NOT_FOUND');
    expect(errorCode(await admin.request(DELETE_YEAR, { id: grannby.yearId }))).toBe('NOT_FOUND');
    expect(errorCode(await admin.request(CREATE_TERM, { yearId: grannby.yearId, input: AUTUMN }))).toBe('NOT_FOUND');
    expect(errorCode(await admin.request(UPDATE_TERM, { id: grannby.termId, input: AUTUMN }))).toBe('NOT_FOUND');
    expect(errorCode(await admin.request(DELETE_TERM, { id: grannby.termId }))).toBe('NOT_FOUND');
    expect(errorCode(await admin.request(CREATE_BREAK, { termId: grannby.termId, input: HOSTLOV }))).toBe('NOT_FOUND');
    expect(errorCode(await admin.request(UPDATE_BREAK, { id: grannby.breakId, input: HOSTLOV }))).toBe('NOT_FOUND');
    expect(errorCode(await admin.request(DELETE_BREAK, { id: grannby.breakId }))).toBe('NOT_FOUND');
    expect(errorCode(await otherAdmin.request(YEAR, { id: current.id }))).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);
  });

  it('refuses bad school years per field, writing nothing', async () => {
    const before = await counts();
    const refused = async (input: Record<string, string>) => problemsOf(await admin.request(CREATE_YEAR, { input: { ...NEXT, ...input } }));
    expect(await refused({ name: '2027-28' })).toEqual([{ field: 'name', code: 'INVALID_NAME' }]);
    expect(await refused({ name: '2026/27', startDate: '2026-08-17', endDate: '2027-06-11' })).toEqual([
      { field: 'name', code: 'DUPLICATE' },
      { field: 'startDate', code: 'OVERLAPS' },
    ]);
    expect(await refused({ startDate: '2027-06-01', endDate: '2028-05-31' })).toEqual([{ field: 'startDate', code: 'OVERLAPS' }]);
    expect(await refused({ endDate: '2027-08-01' })).toEqual([{ field: 'endDate', code: 'END_BEFORE_START' }]);
    expect(await refused({ startDate: '2027-02-30' })).toEqual([{ field: 'startDate', code: 'INVALID_DATE' }]);
    expect(await refused({ name: '2028/29' })).toEqual([{ field: 'name', code: 'NAME_NOT_START_YEAR' }]);
    expect(await counts()).toEqual(before);
  });

  let year: Year;

  it('creates a school year, its two terms and a break, each audited', async () => {
    year = ok(await admin.request<{ createSchoolYear: Year }>(CREATE_YEAR, { input: { ...NEXT, name: ' 2027/28 ' } })).createSchoolYear;
    expect(year).toMatchObject({ ...NEXT, terms: [], inUse: false });
    expect((await audits('admin.schoolYear.created', year.id))[0]!.details).toEqual({ before: null, after: NEXT });

    year = ok(await admin.request<{ createTerm: Year }>(CREATE_TERM, { yearId: year.id, input: SPRING })).createTerm;
    year = ok(await admin.request<{ createTerm: Year }>(CREATE_TERM, { yearId: year.id, input: AUTUMN })).createTerm;
    expect(year.terms.map((term) => term.kind)).toEqual(['AUTUMN', 'SPRING']);
    const autumn = year.terms[0]!;
    expect((await audits('admin.term.created', autumn.id))[0]!.details).toEqual({
      before: null,
      after: { schoolYearId: year.id, ...AUTUMN },
    });

    year = ok(await admin.request<{ createSchoolBreak: Year }>(CREATE_BREAK, { termId: autumn.id, input: HOSTLOV })).createSchoolBreak;
    const created = year.terms[0]!.breaks[0]!;
    expect(created).toMatchObject(HOSTLOV);
    expect((await audits('admin.schoolBreak.created', created.id))[0]!.details).toEqual({
      before: null,
      after: { termId: autumn.id, ...HOSTLOV },
    });
    expect(ok(await admin.request<{ administeredSchoolYear: Year }>(YEAR, { id: year.id })).administeredSchoolYear).toEqual(year);
  });

  it('refuses bad terms and breaks per field, writing nothing', async () => {
    const before = await counts();
    const [autumn, spring] = year.terms as [Term, Term];
    const term = async (input: Record<string, string>, id = autumn.id) =>
      problemsOf(await admin.request(UPDATE_TERM, { id, input: { ...AUTUMN, ...input } }));
    expect(problemsOf(await admin.request(CREATE_TERM, { yearId: year.id, input: AUTUMN }))).toEqual([
      { field: 'kind', code: 'DUPLICATE' },
    ]);
    expect(await term({ startDate: '2027-08-01' })).toEqual([{ field: 'startDate', code: 'OUTSIDE_SCHOOL_YEAR' }]);
    expect(await term({ endDate: '2028-01-20' })).toEqual([{ field: 'startDate', code: 'OVERLAPS' }]);
    expect(await term({ endDate: '2027-08-01' })).toEqual([{ field: 'endDate', code: 'END_BEFORE_START' }]);
    expect(await term({ endDate: '2027-10-29' })).toEqual([{ field: 'endDate', code: 'BREAKS_OUTSIDE' }]);
    expect(await term({ kind: 'SPRING' })).toEqual([{ field: 'kind', code: 'DUPLICATE' }]);
    expect(await term({ kind: 'AUTUMN', startDate: SPRING.startDate, endDate: SPRING.endDate }, spring.id)).toEqual([
      { field: 'kind', code: 'DUPLICATE' },
    ]);

    const newBreak = async (input: Record<string, string>) =>
      problemsOf(await admin.request(CREATE_BREAK, { termId: autumn.id, input: { ...HOSTLOV, ...input } }));
    expect(await newBreak({ name: '  ' })).toEqual([
      { field: 'name', code: 'REQUIRED' },
      { field: 'startDate', code: 'OVERLAPS' },
    ]);
    expect(await newBreak({ startDate: '2027-12-13', endDate: '2028-01-07' })).toEqual([{ field: 'endDate', code: 'OUTSIDE_TERM' }]);
    expect(await newBreak({ startDate: '2027-11-10', endDate: '2027-11-09' })).toEqual([{ field: 'endDate', code: 'END_BEFORE_START' }]);
    expect(await newBreak({ startDate: '2027-11-05', endDate: '2027-11-08' })).toEqual([{ field: 'startDate', code: 'OVERLAPS' }]);
    expect(await counts()).toEqual(before);
  });

  it('edits a year, a term and a break, auditing before and after', async () => {
    const autumn = year.terms[0]!;
    const hostlov = autumn.breaks[0]!;
    year = ok(
      await admin.request<{ updateSchoolBreak: Year }>(UPDATE_BREAK, {
        id: hostlov.id,
        input: { name: 'Höstlov v. 44', startDate: '2027-11-01', endDate: '2027-11-05' },
      }),
    ).updateSchoolBreak;
    expect(year.terms[0]!.breaks[0]!.name).toBe('Höstlov v. 44');
    expect((await audits('admin.schoolBreak.updated', hostlov.id))[0]!.details).toMatchObject({
      before: { name: 'Höstlov' },
      after: { name: 'Höstlov v. 44' },
    });

    year = ok(
      await admin.request<{ updateTerm: Year }>(UPDATE_TERM, { id: autumn.id, input: { ...AUTUMN, startDate: '2027-08-18' } }),
    ).updateTerm;
    expect(year.terms[0]!.startDate).toBe('2027-08-18');
    expect((await audits('admin.term.updated', autumn.id))[0]!.details).toMatchObject({
      before: { startDate: '2027-08-16' },
      after: { startDate: '2027-08-18' },
    });

    expect(problemsOf(await admin.request(UPDATE_YEAR, { id: year.id, input: { ...NEXT, endDate: '2028-06-01' } }))).toEqual([
      { field: 'endDate', code: 'TERMS_OUTSIDE' },
    ]);
    year = ok(
      await admin.request<{ updateSchoolYear: Year }>(UPDATE_YEAR, { id: year.id, input: { ...NEXT, startDate: '2027-08-17' } }),
    ).updateSchoolYear;
    expect((await audits('admin.schoolYear.updated', year.id))[0]!.details).toEqual({
      before: NEXT,
      after: { ...NEXT, startDate: '2027-08-17' },
    });
  });

  it('refuses deleting a year or term in use (IN_USE) and shrinking a term away from its lessons', async () => {
    const before = await counts();
    expect(problemsOf(await admin.request(DELETE_YEAR, { id: current.id }))).toEqual([{ field: 'id', code: 'IN_USE' }]);
    expect(problemsOf(await admin.request(DELETE_TERM, { id: current.terms[0]!.id }))).toEqual([{ field: 'id', code: 'IN_USE' }]);
    const autumn = current.terms[0]!;
    expect(
      problemsOf(
        await admin.request(UPDATE_TERM, { id: autumn.id, input: { kind: 'AUTUMN', startDate: autumn.startDate, endDate: '2026-11-20' } }),
      ),
    ).toEqual([{ field: 'endDate', code: 'LESSONS_OUTSIDE' }]);
    expect(await counts()).toEqual(before);
  });

  it('deletes a break, a term and a year that nothing uses, with an audit row for each', async () => {
    const autumn = year.terms[0]!;
    const hostlov = autumn.breaks[0]!;
    year = ok(await admin.request<{ deleteSchoolBreak: Year }>(DELETE_BREAK, { id: hostlov.id })).deleteSchoolBreak;
    expect(year.terms[0]!.breaks).toEqual([]);
    expect((await audits('admin.schoolBreak.deleted', hostlov.id))[0]!.details).toMatchObject({
      before: { name: 'Höstlov v. 44' },
      after: null,
    });

    year = ok(await admin.request<{ createSchoolBreak: Year }>(CREATE_BREAK, { termId: autumn.id, input: HOSTLOV })).createSchoolBreak;
    const kept = year.terms[0]!.breaks[0]!;
    year = ok(await admin.request<{ deleteTerm: Year }>(DELETE_TERM, { id: year.terms[1]!.id })).deleteTerm;
    expect(year.terms.map((term) => term.kind)).toEqual(['AUTUMN']);

    expect(ok(await admin.request<{ deleteSchoolYear: string }>(DELETE_YEAR, { id: year.id })).deleteSchoolYear).toBe(year.id);
    expect(await server.db.prisma.schoolYear.findUnique({ where: { id: year.id } })).toBeNull();
    expect(await audits('admin.schoolBreak.deleted', kept.id)).toHaveLength(1);
    expect(await audits('admin.term.deleted', autumn.id)).toHaveLength(1);
    expect((await audits('admin.schoolYear.deleted', year.id))[0]!.details).toMatchObject({ before: { name: '2027/28' }, after: null });
  });
});
