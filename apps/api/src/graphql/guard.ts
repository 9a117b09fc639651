// Default-deny where the schema is built: every root field passes here before its resolver. Its `@access` rule is
// applied (no rule, no server), then every text in its arguments is checked, so that no service ever sees a NUL, a
// 30 February or a megabyte of text.
import { rootFieldRefusal, textInputProblem, type RootFieldRule, type TextInputProblem } from '@insyn/domain';
import {
  buildASTSchema,
  concatAST,
  getDirectiveValues,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type DocumentNode,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLInputType,
} from 'graphql';
import type { RequestContext } from '../context.ts';
import { appError, unauthenticated } from '../errors.ts';
import type { Resolvers } from '../generated/graphql.ts';
import { requireViewer } from '../modules/access/viewer.ts';

type RootResolver = GraphQLFieldResolver<unknown, RequestContext, Record<string, unknown>>;
type RootType = 'Query' | 'Mutation';

const PROBLEM_TEXT: Record<TextInputProblem, string> = {
  CONTROL_CHARACTER: 'contains a control character',
  TOO_LONG: 'is too long',
  INVALID_DATE: 'must be a real date as YYYY-MM-DD',
  INVALID_INSTANT: 'must be an ISO 8601 date and time with its offset, e.g. 2026-11-25T09:30:00Z',
};

interface InputProblem {
  /** the path from the argument, e.g. `input.note`, `input.entries.3.note` */
  path: string;
  code: TextInputProblem;
}

/** The problems of one argument's value against its type, every string at any depth. */
function inputProblems(type: GraphQLInputType, value: unknown, name: string, path: string): InputProblem[] {
  if (value === null || value === undefined) return [];
  if (isNonNullType(type)) return inputProblems(type.ofType, value, name, path);
  if (isListType(type)) {
    return Array.isArray(value) ? value.flatMap((item, index) => inputProblems(type.ofType, item, name, `${path}.${index}`)) : [];
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const object = value as Record<string, unknown>;
    return fields.flatMap((field) => inputProblems(field.type, object[field.name], field.name, `${path}.${field.name}`));
  }
  if (isScalarType(type) && (type.name === 'String' || type.name === 'ID') && typeof value === 'string') {
    const code = textInputProblem(type.name === 'ID' ? 'id' : name, value);
    return code ? [{ path, code }] : [];
  }
  return [];
}

function checkArguments(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): void {
  const problems = field.args.flatMap((arg) => inputProblems(arg.type, args[arg.name], arg.name, arg.name));
  const [first] = problems;
  if (!first) return;
  throw appError('BAD_USER_INPUT', problems.map((problem) => `${problem.path} ${PROBLEM_TEXT[problem.code]}`).join('; '), {
    field: first.path,
    // As the forms read them: the field within the mutation's `input`.
    problems: problems.map((problem) => ({ field: problem.path.replace(/^input\./, ''), code: problem.code })),
  });
}

function guarded(rule: RootFieldRule, field: GraphQLField<unknown, unknown>, resolve: RootResolver): RootResolver {
  return async (parent, args, ctx, info) => {
    if (rule !== 'PUBLIC') {
      if (!ctx.auth) throw unauthenticated();
      const viewer = await requireViewer(ctx);
      // A refusal of who the viewer is, the same whatever the arguments: it tells nothing about any record.
      if (rootFieldRefusal(rule, viewer.facts) === 'FORBIDDEN') throw appError('FORBIDDEN', `${info.fieldName} is for staff only`);
    }
    checkArguments(field, args);
    return resolve(parent, args, ctx, info);
  };
}

/**
 * The resolvers with every Query and Mutation field guarded by its `@access` rule; throws when a root field has no
 * rule or no resolver, so that a new field cannot be served unguarded.
 */
export function guardRootFields(typeDefs: readonly DocumentNode[], resolvers: readonly Resolvers[]): Resolvers[] {
  const schema = buildASTSchema(concatAST(typeDefs));
  const access = schema.getDirective('access');
  if (!access) throw new Error('The schema lacks the @access directive (modules/access/access.schema.ts)');
  const byType: Record<RootType, Map<string, RootResolver>> = { Query: new Map(), Mutation: new Map() };
  for (const rootType of ['Query', 'Mutation'] as const) {
    const fields = (rootType === 'Query' ? schema.getQueryType() : schema.getMutationType())?.getFields() ?? {};
    const resolversOf = resolvers.flatMap((map) => Object.entries((map[rootType] ?? {}) as Record<string, unknown>));
    for (const field of Object.values(fields)) {
      const rule = field.astNode ? getDirectiveValues(access, field.astNode)?.rule : undefined;
      if (rule !== 'PUBLIC' && rule !== 'SIGNED_IN' && rule !== 'STAFF') {
        throw new Error(`${rootType}.${field.name} has no @access rule: every root field must name who may call it`);
      }
      const resolve = resolversOf.find(([name]) => name === field.name)?.[1];
      if (typeof resolve !== 'function') throw new Error(`${rootType}.${field.name} has no resolver`);
      byType[rootType].set(field.name, guarded(rule, field, resolve as RootResolver));
    }
  }
  return resolvers.map((map) => {
    const copy: Resolvers = { ...map };
    for (const rootType of ['Query', 'Mutation'] as const) {
      const own = map[rootType];
      if (!own) continue;
      copy[rootType] = Object.fromEntries(Object.keys(own).map((name) => [name, byType[rootType].get(name)])) as Resolvers[RootType];
    }
    return copy;
  });
}
