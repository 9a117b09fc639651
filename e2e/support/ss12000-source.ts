import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { personnummerFor } from '@insyn/domain';

// A small SS 12000 source for the screens tests, served from the test's own process on this machine (the API may read
// plain HTTP from 127.0.0.1): one of the demo's schools under a longer name, a new school with two new students and a
// guardian, and on request records with problems. Each endpoint answers one page; groups and duties are empty, and
// the schedule's endpoints are not offered.

const civicNo = (personnummer: string) => personnummer.replace(/\D/g, '');

/** A personnummer whose check digit is wrong: the right one plus one. */
const wrongCheckDigit = (personnummer: string) => `${personnummer.slice(0, -1)}${(Number(personnummer.slice(-1)) + 1) % 10}`;

export interface FakeSource {
  /** the base URL, e.g. http://127.0.0.1:41234/v2.1 */
  baseUrl: string;
  /** from now on, records with problems too */
  withProblems: () => void;
  /** holds every answer until the function returned is called: a run to be seen while it is under way */
  hold: () => () => void;
  close: () => Promise<void>;
}

/** `existing` is one of the demo's schools: the source names it otherwise, so the run changes its name. */
export async function startFakeSource(existing: { unitCode: string; name: string }): Promise<FakeSource> {
  let problems = false;
  let held: Promise<void> = Promise.resolve();
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
    ...(problems
      ? [{ id: 'org-lovsta', displayName: 'Lövsta förskola', organisationType: 'Skolenhet', schoolUnitCode: '1234', schoolTypes: ['FS'] }]
      : []),
  ];
  const persons = () => [
    {
      id: 'person-alva',
      givenName: 'Alva',
      familyName: 'Lindqvist',
      civicNo: { value: civicNo(personnummerFor('2015-03-14', 982)) },
      enrolments: [{ enroledAt: { id: 'org-sjoang' } }],
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
    ...(problems
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
  const pages: Record<string, () => unknown[]> = { organisations, persons, groups: () => [], duties: () => [] };

  const server: Server = createServer(async (request, response) => {
    await held;
    const endpoint = new URL(request.url ?? '/', 'http://source').pathname.replace(/^\/v2\.1\//, '');
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
    withProblems: () => {
      problems = true;
    },
    hold: () => {
      let release = () => {};
      held = new Promise<void>((resolve) => {
        release = resolve;
      });
      return release;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
