// Serves the built SPA (apps/web/dist) from the API's origin. The build leaves a brotli (.br) and a gzip (.gz) copy
// beside each file worth compressing (apps/web/build/precompress.ts): a browser that accepts one gets it as it is,
// with no compression work per request. Files named by their content's hash (/assets/*) are cached for a year;
// everything else (index.html, the service worker, the icon) is revalidated on each use, so a release shows at once.
import { extname, join } from 'node:path';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** Ours first: brotli is the smaller of the two. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof ENCODINGS)[number]['name'];

/** The encodings an `Accept-Encoding` header allows (RFC 9110 §12.5.3: a q of 0 refuses one, `*` stands for the rest). */
export function acceptedEncodings(header: string | undefined): Set<Encoding> {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...parameters] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = parameters.map((parameter) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(parameter)?.[1]).find((value) => value !== undefined);
    weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const wildcard = weights.get('*') ?? 0;
  return new Set(ENCODINGS.map(({ name }) => name).filter((name) => (weights.get(name) ?? wildcard) > 0));
}

/** The files of one folder, each answered with its precompressed copy where the browser accepts one. */
function staticFiles(root: string, cacheControl: string): RequestHandler {
  const headersFor = (encoding: Encoding | null) => (res: Response, path: string) => {
    res.setHeader('Cache-Control', cacheControl);
    // The same URL has other bodies for other browsers: a shared cache must keep them apart.
    res.setHeader('Vary', 'Accept-Encoding');
    if (encoding) {
      res.setHeader('Content-Encoding', encoding);
      // The type of the file the copy stands for, not of `.br` or `.gz`.
      res.type(extname(path.slice(0, path.lastIndexOf('.'))));
    }
  };
  const options = { index: false, cacheControl: false, fallthrough: true } as const;
  const plain = express.static(root, { ...options, setHeaders: headersFor(null) });
  const encoded = ENCODINGS.map(({ name, suffix }) => ({
    name,
    suffix,
    serve: express.static(root, { ...options, setHeaders: headersFor(name) }),
  }));

  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const accepted = acceptedEncodings(req.get('accept-encoding'));
    const candidates = encoded.filter(({ name }) => accepted.has(name));
    const original = req.url;
    const attempt = (index: number): void => {
      const candidate = candidates[index];
      if (!candidate) {
        req.url = original;
        plain(req, res, next);
        return;
      }
      // A file without such a copy (too small to gain, or an image) falls through to the next candidate.
      const { pathname, search } = new URL(original, 'http://localhost');
      req.url = `${pathname}${candidate.suffix}${search}`;
      void candidate.serve(req, res, (error?: unknown) => {
        if (error) {
          req.url = original;
          next(error);
        } else attempt(index + 1);
      });
    };
    attempt(0);
  };
}

/**
 * The SPA's files under `dir`, and index.html for any other GET (the app's own routes, e.g. /schema?vecka=…). An
 * asset that does not exist is a 404, never index.html: a page of an older release asking for a chunk gone since
 * must fail visibly, not run HTML as JavaScript.
 */
export function webAppRouter(dir: string): express.Router {
  const router = express.Router();
  const assets = staticFiles(join(dir, 'assets'), IMMUTABLE);
  const root = staticFiles(dir, REVALIDATE);
  router.use('/assets', assets, (_req: Request, res: Response) => {
    res.status(404).setHeader('Cache-Control', REVALIDATE);
    res.type('text/plain').send('Not found');
  });
  router.use(root);
  router.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    req.url = '/index.html';
    root(req, res, next);
  });
  return router;
}
