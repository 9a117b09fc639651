// Default-deny over the whole schema, from the outside: every root field is called without a session and with each
// role's session, and every text argument of every field is sent with a NUL (and every date with 30 February). The
// fields and their arguments are read from the schema, so a new field is tested as soon as it exists; a field without
// an `@access` rule stops the server from starting (and the unit test below).
import { randomUUID } from 'node:crypto';
import { textInputKind } from '@insyn/domain';
import {
  buildASTSchema,
  concatAST,
  getDirectiveValues,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import gql from 'graphql-tag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, SERVER_DATABASE, startTestServer, TestClient, type GraphQLResult, type TestServer } from '../test/harness.ts';
import type { Resolvers } from '../generated/graphql.ts';
import { guardRootFields } from './guard.ts';
import { typeDefs } from './schema.ts';

const schema = buildASTSchema(concatAST(typeDefs));
const access = schema.getDirective('access');

interface RootField {
  operation: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  rule: string;
}

const rootFields: RootField[] = (['query', 'mutation'] as const).flatMap((operation) =>
  Object.values((operation === 'query' ? schema.getQueryType() : schema.getMutationType())?.getFields() ?? {}).map((field) => ({
    operation,
    field,
    rule: String(field.astNode && access ? getDirectiveValues(access, field.astNode)?.rule : ''),
  })),
);

/** A value of the type that passes the input check: dates and instants by the field's name, ids as UUIDs. */
function sampleValue(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType, name);
  if (isListType(type)) return [sampleValue(type.ofType, name)];
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, sampleValue(field.type, field.name)]),
    );
  }
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isScalarType(type)) {
    if (type.name === 'ID') return randomUUID();
    if (type.name === 'Int' || type.name === 'Float') return 1;
    if (type.name === 'Boolean') return false;
    const kind = textInputKind(name);
    return kind === 'date' ? '2026-11-25' : kind === 'instant' ? '2026-11-25T09:30:00Z' : 'x';
  }
  return null;
}

/** The operation calling the field with every argument as a variable, selecting only `__typename` of what it answers. */
function operationOf({ operation, field }: RootField): string {
  const variables = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `${operation}${variables ? ` (${variables})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

const sampleArguments = (args: readonly GraphQLArgument[]): Record<string, unknown> =>
  Object.fromEntries(args.map((arg) => [arg.name, sampleValue(arg.type, arg.name)]));

/** Every path to a string in the arguments (with the sample arguments holding a value there), and its field's name. */
function stringPaths(type: GraphQLInputType, name: string, path: string[]): { path: string[]; name: string }[] {
  if (isNonNullType(type)) return stringPaths(type.ofType, name, path);
  if (isListType(type)) return stringPaths(type.ofType, name, [...path, '0']);
  if (isInputObjectType(type)) {
    return Object.values(type.getFields()).flatMap((field) => stringPaths(field.type, field.name, [...path, field.name]));
  }
  if (isScalarType(type) && (type.name === 'String' || type.name === 'ID')) return [{ path, name }];
  return [];
}

/** The sample arguments with `value` at `path`, making the objects and lists on the way. */
function withValueAt(args: Record<string, unknown>, path: string[], value: string): Record<string, unknown> {
  const copy = structuredClone(args);
  let node: Record<string, unknown> = copy;
  for (const [index, key] of path.entries()) {
    if (index === path.length - 1) node[key] = value;
    else {
      const next = path[index + 1] as string;
      node[key] ??= /^\d+$/.test(next) ? [] : {};
      node = node[key] as Record<string, unknown>;
    }
  }
  return copy;
}

const codeOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.code ?? null;

describe('every root field has an access rule', () => {
  it('names one on each field, and a field without one stops the schema from being built', () => {
    expect(rootFields.length).toBeGreaterThan(150);
    expect(rootFields.filter(({ rule }) => !['PUBLIC', 'SIGNED_IN', 'STAFF'].includes(rule)).map(({ field }) => field.name)).toEqual([]);
    const withoutRule = gql`
      type Query {
        secrets: [String!]!
      }
    `;
    // A field the generated types do not know, as a newly written one would be before generation.
    const resolvers = [{ Query: { secrets: () => [] } }] as unknown as Resolvers[];
    expect(() => guardRootFields([typeDefs[0] as (typeof typeDefs)[number], withoutRule], resolvers)).toThrow(
      'Query.secrets has no @access rule',
    );
  });
});

describe.each(SERVER_DATABASE)('default-deny on %s', (kind) => {
  let server: TestServer;
  const sessions = new Map<string, TestClient>();
  // A student, a guardian, an adult student, a teacher, a mentor, a principal and an administrator.
  const USERS = ['elev', 'vardnadshavare', 'myndig', 'larare', 'mentor', 'rektor', 'admin'];
  const FAMILY = new Set(['elev', 'vardnadshavare', 'myndig']);

  beforeAll(async () => {
    server = await startTestServer(kind);
    for (const user of USERS) sessions.set(user, await loggedIn(server, user));
  });
  afterAll(() => server?.stop());

  it('refuses every field but the public ones without a session, and never fails inside', async () => {
    const anonymous = new TestClient(server);
    const answers: Record<string, string | null> = {};
    for (const root of rootFields) {
      const result = await anonymous.request(operationOf(root), sampleArguments(root.field.args));
      answers[root.field.name] = codeOf(result);
    }
    const expected = Object.fromEntries(
      rootFields.map(({ field, rule }) => [field.name, rule === 'PUBLIC' ? (answers[field.name] ?? null) : 'UNAUTHENTICATED']),
    );
    expect(answers).toEqual(expected);
    expect(Object.values(answers)).not.toContain('INTERNAL_SERVER_ERROR');
  });

  it.each(USERS)('answers %s by the rules: staff fields refused to the family, no field failing inside', async (user) => {
    const client = sessions.get(user) as TestClient;
    const refusedByRule: string[] = [];
    const failed: string[] = [];
    // Public fields are for no one in particular (logging out would end this session).
    for (const root of rootFields.filter(({ rule }) => rule !== 'PUBLIC')) {
      const result = await client.request(operationOf(root), sampleArguments(root.field.args));
      const code = codeOf(result);
      if (code === 'FORBIDDEN' && result.errors?.[0]?.message === `${root.field.name} is for staff only`)
        refusedByRule.push(root.field.name);
      if (code === 'INTERNAL_SERVER_ERROR' || code === 'UNAUTHENTICATED' || result.status >= 500) {
        failed.push(`${root.field.name}: ${JSON.stringify(result.errors)}`);
      }
    }
    const staffFields = rootFields.filter(({ rule }) => rule === 'STAFF').map(({ field }) => field.name);
    expect(refusedByRule).toEqual(FAMILY.has(user) ? staffFields : []);
    expect(failed).toEqual([]);
  });

  it('refuses a NUL in every text argument of every field, and an impossible date, naming the field', async () => {
    const staff = sessions.get('admin') as TestClient;
    const anonymous = new TestClient(server);
    const misses: string[] = [];
    let checked = 0;
    for (const root of rootFields) {
      const client = root.rule === 'PUBLIC' ? anonymous : staff;
      const sample = sampleArguments(root.field.args);
      for (const arg of root.field.args) {
        for (const { path, name } of stringPaths(arg.type, arg.name, [arg.name])) {
          const bad = textInputKind(name) === 'date' ? '2026-02-30' : `x\u0000y`;
          const result = await client.request(operationOf(root), withValueAt(sample, path, bad));
          checked += 1;
          const field = result.errors?.[0]?.extensions?.field;
          if (codeOf(result) !== 'BAD_USER_INPUT' || field !== path.join('.')) {
            misses.push(`${root.field.name} ${path.join('.')}: ${JSON.stringify(result.errors)}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(misses).toEqual([]);
  });

  it('refuses an overlong text and a malformed instant before any service sees them', async () => {
    const guardian = sessions.get('vardnadshavare') as TestClient;
    const reason = await guardian.request('mutation ($input: LeaveApplicationInput!) { applyForLeave(input: $input) { id } }', {
      input: { studentId: randomUUID(), fromDate: '2026-12-01', toDate: '2026-12-02', reason: 'x'.repeat(10_001) },
    });
    expect(codeOf(reason)).toBe('BAD_USER_INPUT');
    expect(reason.errors?.[0]?.extensions?.problems).toEqual([{ field: 'reason', code: 'TOO_LONG' }]);
    const mentor = sessions.get('mentor') as TestClient;
    const takenAt = await mentor.request('mutation ($input: SaveRollCallInput!) { saveRollCall(input: $input) { applied } }', {
      input: { submissionId: randomUUID(), lessonId: randomUUID(), entries: [], takenAt: '2026-11-25T25:00:00Z' },
    });
    expect(takenAt.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.takenAt' });
  });
});
