import { existsSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Database } from '@insyn/db';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import helmet from 'helmet';
import type { AppConfig } from './config.ts';
import { baseContext, expressCookieJar, type RequestContext } from './context.ts';
import { ReferenceData } from './modules/statistics/reference-data.ts';
import {
  PERSISTED_OPERATIONS_FILE,
  PERSISTED_QUERY_REQUIRED,
  PersistedOperations,
  persistedOperationsMiddleware,
} from './graphql/persisted-operations.ts';
import { resolvers, typeDefs } from './graphql/schema.ts';
import { createCredentialsRouter, CREDENTIALS_PATH } from './modules/accounts/credentials.router.ts';
import { createImportsRouter, IMPORTS_PATH } from './modules/administration/imports/imports.router.ts';
import { APP_ERROR_CODES } from './errors.ts';
import { anonymousLane, anonymousPlaces } from './modules/auth/anonymous-lane.ts';
import { passwordGate } from './modules/auth/password.ts';
import { verifyAccessToken, type AccessClaims } from './modules/auth/tokens.ts';
import { createSenders } from './modules/notifications/delivery/senders.ts';
import { startDeliveryWorker, type DeliveryWorker } from './modules/notifications/delivery/worker.ts';
import { importsSettled } from './modules/ss12000/import/import.service.ts';
import { startNightlyImports } from './modules/ss12000/import/nightly.ts';
import { startNightlyRetention } from './modules/retention/nightly.ts';
import { startDaySettlement } from './modules/statistics/day-settlement.ts';
import { startForgettingExpiredFailures } from './modules/auth/throttle.ts';
import { retentionRunsSettled } from './modules/retention/retention.run.ts';
import { createRegisterExtractRouter, REGISTER_EXTRACT_PATH } from './modules/register-extract/register-extract.router.ts';
import { createSupportDecisionsRouter, SUPPORT_DECISIONS_PATH } from './modules/support-decisions/support-decisions.router.ts';
import { createSs12000Router, SS12000_PATH } from './modules/ss12000/ss12000.router.ts';
import { createVoiceRouter, VOICE_PATH } from './modules/voice/voice.router.ts';
import { webAppRouter } from './web-app.ts';

/** Codes a client may see as they are (ours, and GraphQL's and Apollo's for a bad request); anything else is masked in production. */
const EXPOSED_CODES = new Set<string>([
  ...APP_ERROR_CODES,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  PERSISTED_QUERY_REQUIRED,
]);

const MAX_QUERY_TOKENS = 3000;

/**
 * The last word on any request that failed outside GraphQL's own handling (a body that is not JSON, too large, a
 * broken upload): a GraphQL-shaped JSON error with the status the failure deserves, never Express's HTML page with its
 * stack trace, in any mode. Errors of the request (4xx) say what was wrong; any other is logged and masked.
 */
function requestErrorHandler(log: (line: string) => void): express.ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const { status, type, expose, message } = (error ?? {}) as { status?: unknown; type?: unknown; expose?: unknown; message?: unknown };
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const said =
        type === 'entity.parse.failed'
          ? 'The request body is not valid JSON'
          : type === 'entity.too.large'
            ? 'The request body is too large'
            : expose === true && typeof message === 'string'
              ? message
              : 'Bad request';
      res.status(status).json({ errors: [{ message: said, extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    log(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  };
}

/**
 * Who may call the routes beside GraphQL (file uploads and downloads, the SS 12000 API, the phone provider's webhook),
 * by where they are mounted: SESSION routes only with a signed-in user's access token, refused with 401 before their
 * router runs; OWN_CREDENTIALS routes check their callers themselves (an API client's token, the provider's signature).
 * A router can only be mounted under a path named here; http-access.api.test.ts walks the app and calls every route.
 */
export const HTTP_ROUTE_ACCESS = {
  [SUPPORT_DECISIONS_PATH]: 'SESSION',
  [IMPORTS_PATH]: 'SESSION',
  [CREDENTIALS_PATH]: 'SESSION',
  [REGISTER_EXTRACT_PATH]: 'SESSION',
  [SS12000_PATH]: 'OWN_CREDENTIALS',
  [VOICE_PATH]: 'OWN_CREDENTIALS',
} as const satisfies Record<string, 'SESSION' | 'OWN_CREDENTIALS'>;

export interface InsynServer {
  httpServer: http.Server;
  /** stops taking requests, lets running ones finish, then closes the database */
  stop(): Promise<void>;
}

export async function createServer(db: Database, config: AppConfig, log: (line: string) => void = console.log): Promise<InsynServer> {
  const persistedOperations = new PersistedOperations(PERSISTED_OPERATIONS_FILE);
  if (config.graphqlOperations === 'persisted' && persistedOperations.size === 0) {
    throw new Error(`No persisted operations in ${PERSISTED_OPERATIONS_FILE}: run \`node scripts/generate.mjs\` (pnpm install does)`);
  }
  const app = express();
  const httpServer = http.createServer(app);
  app.disable('x-powered-by');
  if (config.trustProxy) app.set('trust proxy', 1);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  // GraphQL's answers and the other routes' JSON and CSV, brotli or gzip as the browser accepts; a precompressed file of
  // the SPA (web-app.ts) already carries its encoding and passes through as it is.
  app.use(compression());

  app.get('/health', async (_req, res) => {
    try {
      await db.prisma.$queryRaw`SELECT 1`;
      res.json({ status: 'ok', database: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    }
  });

  const senders = createSenders(config.notifications);
  const worker: DeliveryWorker | null = config.notifications.worker
    ? startDeliveryWorker({ prisma: db.prisma, config: config.notifications, clock: config.clock, senders, log })
    : null;
  const wakeDelivery = () => worker?.wake();
  const passwords = passwordGate(config.passwordHashingConcurrency);
  const nightlyImports = startNightlyImports({ prisma: db.prisma, config, log });
  const nightlyRetention = startNightlyRetention({ prisma: db.prisma, config, log });
  const daySettlement = startDaySettlement({ prisma: db.prisma, config, log });
  const throttleHousekeeping = startForgettingExpiredFailures({ prisma: db.prisma, config, log });

  const armor = new ApolloArmor({
    maxDepth: { n: 10 },
    maxAliases: { n: 20 },
    maxDirectives: { n: 20 },
    // graphql-js counts the tokens while it parses (parseOptions below), so a long query is a 400 parse failure;
    // armor's own count failed it as an internal error.
    maxTokens: { enabled: false },
    costLimit: { maxCost: 10_000 },
  });
  const protection = armor.protect();
  const apollo = new ApolloServer<RequestContext>({
    typeDefs,
    resolvers,
    introspection: !config.production,
    // main.ts stops the server on SIGTERM and then closes the worker and the database; Apollo's own
    // handler would race it, and a second concurrent stop() never returns in @apollo/server 5.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    // Operations sent by hash are the persisted ones only (persistedOperationsMiddleware); Apollo's own APQ would
    // store whatever text a client sends with its hash.
    persistedQueries: false,
    parseOptions: { maxTokens: MAX_QUERY_TOKENS },
    allowBatchedHttpRequests: protection.allowBatchedHttpRequests,
    // No stack, file path or database text in any answer, in any mode: the log has them (formatError below).
    includeStacktraceInErrorResponses: false,
    validationRules: protection.validationRules,
    plugins: [
      ...(protection.plugins as ApolloServerPlugin<RequestContext>[]),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Its hook on every resolved field cost 7–9 % of the API's CPU for a guardian's figures (bench/README), for one
      // header that the route below sets once; no field has a cache hint.
      ApolloServerPluginCacheControlDisabled(),
    ],
    // Validation's hints are dropped by Apollo; a variable's enum value is checked later, so its hint is dropped here.
    hideSchemaDetailsFromClientErrors: config.production,
    formatError: (formatted: GraphQLFormattedError, error: unknown) => {
      const code = formatted.extensions?.code;
      if (typeof code === 'string' && EXPOSED_CODES.has(code)) {
        return config.production ? { ...formatted, message: formatted.message.replace(/ ?Did you mean .+\?$/s, '') } : formatted;
      }
      log(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    },
  });
  await apollo.start();

  const referenceData = new ReferenceData(db.prisma);

  // The anonymous lane and the context both ask who is asking; the token is verified once per request.
  const claimsByRequest = new WeakMap<express.Request, AccessClaims | null>();
  const claimsOf = (req: express.Request): AccessClaims | null => {
    let claims = claimsByRequest.get(req);
    if (claims === undefined) {
      const bearer = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
      claims = bearer ? verifyAccessToken(bearer, config.jwtSecret) : null;
      claimsByRequest.set(req, claims);
    }
    return claims;
  };

  /** Who asks, from the bearer access token, and the request's clock: for GraphQL and the other API routes alike. */
  const contextOf = (req: express.Request, res: express.Response): RequestContext => {
    const claims = claimsOf(req);
    return {
      ...baseContext(db.prisma, config, config.clock()),
      query: db.query,
      auth: claims ? { userId: claims.sub, sessionId: claims.sid } : null,
      cookies: expressCookieJar(req, res, config.cookieSecure ?? req.secure),
      ip: req.ip,
      userAgent: req.get('user-agent'),
      wakeDelivery,
      passwords,
      accountMail: config.notifications.smtp ? senders.EMAIL : null,
      referenceData,
    };
  };

  app.use(
    '/graphql',
    // Every answer is one person's data or a refusal: never kept by a browser or a proxy, whatever step answers it.
    (_req, res, next) => {
      res.set('Cache-Control', 'no-store');
      next();
    },
    anonymousLane(anonymousPlaces(config.passwordHashingConcurrency), (req) => claimsOf(req) !== null),
    cookieParser(),
    express.json({ limit: '100kb' }),
    persistedOperationsMiddleware(persistedOperations, { onlyPersisted: config.graphqlOperations === 'persisted' }),
    expressMiddleware(apollo, { context: async ({ req, res }): Promise<RequestContext> => contextOf(req, res) }),
  );

  // Default-deny beside GraphQL too: a SESSION route's router runs only for a request with a valid access token (its
  // service then asks who it is, as a resolver does); the others check their callers themselves (HTTP_ROUTE_ACCESS).
  const requireSession: express.RequestHandler = (req, res, next) => {
    if (claimsOf(req)) return next();
    res.status(401).json({ code: 'UNAUTHENTICATED', message: 'Log in first' });
  };
  const mount = (path: keyof typeof HTTP_ROUTE_ACCESS, router: express.Router) =>
    HTTP_ROUTE_ACCESS[path] === 'SESSION' ? app.use(path, requireSession, router) : app.use(path, router);
  mount(SUPPORT_DECISIONS_PATH, createSupportDecisionsRouter({ contextOf, log }));
  mount(IMPORTS_PATH, createImportsRouter({ contextOf, log }));
  mount(CREDENTIALS_PATH, createCredentialsRouter({ contextOf, log }));
  mount(REGISTER_EXTRACT_PATH, createRegisterExtractRouter({ contextOf, log }));
  mount(SS12000_PATH, createSs12000Router({ prisma: db.prisma, config, log }));
  if (config.notifications.voice) mount(VOICE_PATH, createVoiceRouter({ prisma: db.prisma, query: db.query, config, wakeDelivery, log }));

  const { webDistDir } = config;
  if (webDistDir && existsSync(join(webDistDir, 'index.html'))) app.use(webAppRouter(webDistDir));

  app.use(requestErrorHandler(log));

  return {
    httpServer,
    stop: async () => {
      await apollo.stop();
      await nightlyImports.stop();
      await nightlyRetention.stop();
      await daySettlement.stop();
      await throttleHousekeeping.stop();
      // An import or a retention run started by a request goes on after it: it ends (or fails) before the database closes.
      await importsSettled();
      await retentionRunsSettled();
      await worker?.stop();
      await senders.close();
      await db.close();
    },
  };
}
