// Default-deny for the routes beside GraphQL: the test walks the running app's routes rather than a list kept by hand,
// so a router mounted anywhere but under HTTP_ROUTE_ACCESS, or a new route of a SESSION router, is found and called
// here. Without a session, or with a token this server did not sign, every SESSION route answers 401 before any
// service runs; the OWN_CREDENTIALS routes refuse a caller without credentials themselves.
import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_ROUTE_ACCESS } from './app.ts';
import { SERVER_DATABASE, startTestServer, type TestServer } from './test/harness.ts';

/** What Express 5 keeps of a mounted handler or route (its Layer), read-only. */
interface Layer {
  name: string;
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
  matchers: ((path: string) => unknown)[];
}

interface Route {
  access: 'SESSION' | 'OWN_CREDENTIALS' | 'PUBLIC';
  method: string;
  path: string;
}

const MOUNTED_PATHS = Object.keys(HTTP_ROUTE_ACCESS) as (keyof typeof HTTP_ROUTE_ACCESS)[];
/** Besides GraphQL (with its own default-deny, guard.api.test.ts) and the web app's files. */
const PUBLIC_ROUTES = ['GET /health'];
/** OWN_CREDENTIALS routes that are open by design: the SS 12000 API's description, and its token endpoint. */
const OPEN_BY_DESIGN = ['GET /ss12000/v2.1/openapi.json'];

/** Every route of the app: its own (GET /health) and those of each router, with the path the router is mounted at. */
function routesOf(app: { router: { stack: Layer[] } }): { routes: Route[]; unmounted: string[] } {
  const routes: Route[] = [];
  const unmounted: string[] = [];
  for (const layer of app.router.stack) {
    if (layer.route) {
      for (const method of Object.keys(layer.route.methods))
        routes.push({ access: 'PUBLIC', method: method.toUpperCase(), path: layer.route.path });
      continue;
    }
    const inner = layer.handle.stack;
    if (!inner) continue;
    const mountedAt = MOUNTED_PATHS.find((path) => layer.matchers.some((matches) => matches(path)) && !layer.matchers.some((m) => m('/')));
    if (mountedAt === undefined) {
      // The web app's files are the only router mounted at the root (no route of its own needs a session).
      if (layer.matchers.some((matches) => matches('/'))) continue;
      unmounted.push(layer.name);
      continue;
    }
    for (const child of inner) {
      if (!child.route) continue;
      for (const method of Object.keys(child.route.methods)) {
        routes.push({ access: HTTP_ROUTE_ACCESS[mountedAt], method: method.toUpperCase(), path: `${mountedAt}${child.route.path}` });
      }
    }
  }
  return { routes, unmounted };
}

/** A concrete URL for a route pattern: a UUID for each parameter. */
const urlPath = (path: string) => path.replace(/:[A-Za-z]+/g, () => randomUUID());

describe.each(SERVER_DATABASE)('the routes beside GraphQL on %s', (kind) => {
  let server: TestServer;
  let routes: Route[];

  beforeAll(async () => {
    server = await startTestServer(kind);
    const app = server.httpServer.listeners('request')[0] as unknown as { router: { stack: Layer[] } };
    const walked = routesOf(app);
    expect(walked.unmounted, 'a router mounted outside HTTP_ROUTE_ACCESS').toEqual([]);
    routes = walked.routes;
  });
  afterAll(() => server?.stop());

  const call = (route: Route, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${urlPath(route.path)}`, {
      method: route.method,
      headers: { 'content-type': 'application/json', ...headers },
      body: route.method === 'GET' ? undefined : '{}',
    });

  it('finds every router the app mounts, and the only route of its own is the health check', () => {
    const ownCredentials = MOUNTED_PATHS.filter((path) => HTTP_ROUTE_ACCESS[path] === 'OWN_CREDENTIALS');
    expect(ownCredentials, 'routes that check their callers themselves: reviewed, not a way around the session').toEqual([
      '/ss12000/v2.1',
      '/voice/46elks',
    ]);
    const own = routes.filter((route) => route.access === 'PUBLIC').map((route) => `${route.method} ${route.path}`);
    expect(own).toEqual(PUBLIC_ROUTES);
    const mounted = new Set(
      routes.filter((route) => route.access !== 'PUBLIC').map((route) => MOUNTED_PATHS.find((path) => route.path.startsWith(path))),
    );
    // The phone provider's webhook is mounted only when a provider is configured (not in tests).
    expect([...mounted].sort()).toEqual(MOUNTED_PATHS.filter((path) => !path.startsWith('/voice')).sort());
  });

  it('refuses every SESSION route without a session, and with a token this server did not sign, before any service runs', async () => {
    const sessionRoutes = routes.filter((route) => route.access === 'SESSION');
    expect(sessionRoutes.length).toBeGreaterThanOrEqual(8);
    const forged = jwt.sign({ sub: randomUUID(), sid: randomUUID() }, 'not-this-servers-secret', { expiresIn: '5m' });
    for (const route of sessionRoutes) {
      for (const headers of [{}, { authorization: `Bearer ${forged}` }] as Record<string, string>[]) {
        const answer = await call(route, headers);
        const body = (await answer.json()) as { code?: string };
        expect({ route: `${route.method} ${route.path}`, status: answer.status, code: body.code }).toEqual({
          route: `${route.method} ${route.path}`,
          status: 401,
          code: 'UNAUTHENTICATED',
        });
      }
    }
  });

  it('gives nothing to a caller without credentials on the routes that check their own', async () => {
    const guarded = routes.filter(
      (route) => route.access === 'OWN_CREDENTIALS' && !OPEN_BY_DESIGN.includes(`${route.method} ${route.path}`),
    );
    expect(guarded.length).toBeGreaterThan(0);
    for (const route of guarded) {
      const answer = await call(route);
      expect({ route: `${route.method} ${route.path}`, refused: answer.status >= 400 && answer.status < 500 }).toEqual({
        route: `${route.method} ${route.path}`,
        refused: true,
      });
    }
  });
});
