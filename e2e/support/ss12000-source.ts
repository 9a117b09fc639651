import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { personnummerFor } from '@insyn/domain';

// A small SS 12000 source for the screens tests, served from the test's own process on this machine (the API may read
// plain HTTP from 127.0.0.1): one of the demo's schools under a longer name, and one of its groups with a new student
// in it (so the demo's students in it leave it: their memberships end); a new school with two new students, a
// guardian and a teacher, a class and a teaching group, the teacher's duties, and two subjects. On request, records
// with problems: of the people (which stop the run before groups are read), or of the groups, duties and subjects.
// Each endpoint answers one page; the schedule's calendar events are not offered.

const civicNo = (personnummer: string) => personnummer.replace(/\D/g, '');

/** A personnummer whose check digit is wrong: the right one plus one. */
const wrongCheckDigit = (personnummer: string) => `${personnummer.slice(0, -1)}${(Number(personnummer.slice(-1)) + 1) % 10}`;

export type SourceProblems = 'none' | 'people' | 'groups';

export interface FakeSource {
  /** the base URL, e.g. http://127.0.0.1:41234/v2.1 */
  baseUrl: string;
  /** from now on, records with problems of that kind too (or none) */
  withProblems: (problems: SourceProblems) => void;
  /** holds the endpoint's answers until the function returned is called: a run to be seen while it reads there */
  hold: (endpoint: string) => () => void;
  close: () => Promise<void>;
}

/**
 * `existing` is one of the demo's schools: the source names it otherwise, so the run changes its name; `group` one of
 * its groups this school year, which the source has with a new student only.
 */
export async function startFakeSource(
  existing: { unitCode: string; name: string },
  group: { name: string; kind: 'CLASS' | 'TEACHING' },
): Promise<FakeSource> {
  let problems: SourceProblems = 'none';
  const held = new Map<string, Promise<void>>();
  const organisations = () => [
    { id: 'org-huvudman', displayName: 'Exempels kommun', organisationType: 'Huvudman' },
    {
      id: 'org-existing',
      displayName: `${existing.name} F–9`,
      organisationType: 'Skolenhet',
      schoolUnitCode: existing.unitCode,
      schoolTypes: ['GR'],
    },
    { id: 'org-sjoang', displayName: 'Sjöängsskolan', organisationType: 'Skolenhet', schoolUnitCode: '99887766', schoolTypes: ['GR'] },
    ...(problems === 'people'
      ? [{ id: 'org-lovsta', displayName: 'Lövsta förskola', organisationType: 'Skolenhet', schoolUnitCode: '1234', schoolTypes: ['FS'] }]
      : []),
  ];
  const persons = () => [
    {
      id: 'person-alva',
      givenName: 'Alva',
      familyName: 'Lindqvist',
      civicNo: { value: civicNo(personnummerFor('2019-03-14', 982)) },
      enrolments: [{ enroledAt: { id: 'org-sjoang' }, schoolYear: 1 }],
      responsibles: [{ person: { id: 'person-sara' }, relationType: 'Vårdnadshavare' }],
    },
    {
      id: 'person-elias',
      givenName: 'Elias',
      familyName: 'Berg',
      civicNo: { value: civicNo(personnummerFor('2013-10-02', 974)) },
      enrolments: [{ enroledAt: { id: 'org-existing' } }],
    },
    {
      id: 'person-sara',
      givenName: 'Sara',
      familyName: 'Lindqvist',
      civicNo: { value: civicNo(personnummerFor('1984-06-02', 968)) },
      phoneNumbers: [{ value: '070-174 06 99', mobile: true }],
      emails: [{ value: 'sara.lindqvist@example.se' }],
    },
    { id: 'person-karin', givenName: 'Karin', familyName: 'Sjöberg', emails: [{ value: 'karin.sjoberg@example.se' }] },
    ...(problems === 'people'
      ? [
          {
            id: 'person-nils',
            givenName: 'Nils',
            familyName: 'Ek',
            civicNo: { value: wrongCheckDigit(civicNo(personnummerFor('2014-01-20', 957))) },
            enrolments: [{ enroledAt: { id: 'org-sjoang' } }],
          },
          {
            id: 'person-maja',
            givenName: 'Maja',
            familyName: 'Holm',
            civicNo: { value: civicNo(personnummerFor('2016-08-30', 946)) },
            enrolments: [{ enroledAt: { id: 'org-lovsta' } }],
            responsibles: [{ person: { id: 'person-okand' } }],
          },
        ]
      : []),
  ];
  const duties = () => [
    {
      id: 'duty-karin',
      person: { id: 'person-karin' },
      signature: 'KARSJ',
      dutyAt: { id: 'org-sjoang' },
      dutyRole: 'Lärare',
      startDate: '2026-08-01',
      assignmentRole: [{ group: { id: 'group-1a' }, assignmentRoleType: 'Mentor' }],
    },
    ...(problems === 'groups'
      ? [
          // Someone the source has no person for; a mentor of a teaching group; a duty that ends before it starts.
          { id: 'duty-okand', person: { id: 'person-okand' }, dutyAt: { id: 'org-sjoang' }, dutyRole: 'Lärare' },
          {
            id: 'duty-karin-ma',
            person: { id: 'person-karin' },
            dutyAt: { id: 'org-sjoang' },
            dutyRole: 'Lärare',
            assignmentRole: [{ group: { id: 'group-ma-1a' }, assignmentRoleType: 'Mentor' }],
          },
          {
            id: 'duty-karin-spring',
            person: { id: 'person-karin' },
            dutyAt: { id: 'org-sjoang' },
            dutyRole: 'Lärare',
            startDate: '2027-01-10',
            endDate: '2026-12-20',
          },
        ]
      : []),
  ];
  const syllabuses = () => [
    { id: 'syllabus-ma', subjectCode: 'MA', subjectName: 'Matematik' },
    { id: 'syllabus-pro', subjectCode: 'PRO', subjectName: 'Programmering' },
    ...(problems === 'groups'
      ? [
          { id: 'syllabus-pro-2', subjectCode: 'PRO', subjectName: 'Programmering 2' },
          { id: 'syllabus-ma-1c', subjectCode: 'Ma 1c', subjectName: 'Matematik 1c' },
        ]
      : []),
  ];
  const activities = () => [
    { id: 'activity-ma-1a', groups: [{ id: 'group-ma-1a' }], teachers: [{ duty: { id: 'duty-karin' } }], syllabus: { id: 'syllabus-ma' } },
  ];
  const groups = () => [
    {
      id: 'group-1a',
      displayName: '1A',
      groupType: 'Klass',
      organisation: { id: 'org-sjoang' },
      groupMemberships: [{ person: { id: 'person-alva' }, startDate: '2026-08-17' }],
    },
    {
      id: 'group-ma-1a',
      displayName: 'Ma 1A',
      groupType: 'Undervisning',
      organisation: { id: 'org-sjoang' },
      groupMemberships: [{ person: { id: 'person-alva' }, startDate: '2026-08-17' }],
    },
    {
      id: 'group-existing',
      displayName: group.name,
      groupType: group.kind === 'CLASS' ? 'Klass' : 'Undervisning',
      organisation: { id: 'org-existing' },
      groupMemberships: [{ person: { id: 'person-elias' }, startDate: '2026-11-02' }],
    },
    ...(problems === 'groups'
      ? [
          // A school year Insyn does not have; a member the source does not have and one whose span is backwards; a
          // school the source does not have.
          { id: 'group-2001', displayName: '9C', groupType: 'Klass', organisation: { id: 'org-sjoang' }, startDate: '2001-08-20' },
          {
            id: 'group-2b',
            displayName: '2B',
            groupType: 'Klass',
            organisation: { id: 'org-sjoang' },
            groupMemberships: [
              { person: { id: 'person-okand' } },
              { person: { id: 'person-alva' }, startDate: '2026-12-01', endDate: '2026-09-01' },
            ],
          },
          { id: 'group-3c', displayName: '3C', groupType: 'Klass', organisation: { id: 'org-okand' } },
        ]
      : []),
  ];
  const pages: Record<string, () => unknown[]> = { organisations, persons, duties, syllabuses, activities, groups };

  const server: Server = createServer(async (request, response) => {
    const endpoint = new URL(request.url ?? '/', 'http://source').pathname.replace(/^\/v2\.1\//, '');
    await held.get(endpoint);
    const page = pages[endpoint];
    response.setHeader('content-type', 'application/json');
    if (!page) {
      response.statusCode = 404;
      response.end(JSON.stringify({ code: 'NOT_FOUND' }));
      return;
    }
    response.end(JSON.stringify({ data: page() }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v2.1`,
    withProblems: (kind) => {
      problems = kind;
    },
    hold: (endpoint) => {
      let release = () => {};
      held.set(
        endpoint,
        new Promise<void>((resolve) => {
          release = resolve;
        }),
      );
      return () => {
        held.delete(endpoint);
        release();
      };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // A run still waiting for a held answer is cut off rather than kept waiting for the server to close.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
