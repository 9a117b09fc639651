// The register extract travels as files, outside GraphQL: GET /:personId/json, the machine-readable record, and
// GET /:personId/pdf?locale=sv|en, the same for a person to read (in the requester's language when none is asked
// for). The bearer token comes in the Authorization header, as on every route beside GraphQL; the refusals are
// GraphQL's, as HTTP statuses (http-routes.ts).
import express, { type Request, type Response } from 'express';
import type { RequestContext } from '../../context.ts';
import { sendError } from '../../http-routes.ts';
import { writeRegisterExtractPdf } from './register-extract.pdf.ts';
import { registerExtract } from './register-extract.service.ts';

export const REGISTER_EXTRACT_PATH = '/api/register-extract';

/** The person's name stays out of the file name: a download folder or a proxy's log is no place for it. */
const fileName = (today: string, personId: string, extension: 'json' | 'pdf') =>
  `registerutdrag-${today}-${personId.slice(0, 8)}.${extension}`;

function fileHeaders(res: Response, type: string, name: string): void {
  res.set({
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${name}"`,
    // A person's whole record: no browser cache or proxy may keep it.
    'Cache-Control': 'private, no-store',
  });
}

export function createRegisterExtractRouter({
  contextOf,
  log,
}: {
  contextOf: (req: Request, res: Response) => RequestContext;
  log: (line: string) => void;
}): express.Router {
  const router = express.Router();

  /** 200 the JSON file; 401; 403 for anyone but an administrator; 404 for a person of another organisation. */
  router.get('/:personId/json', async (req, res) => {
    try {
      const ctx = contextOf(req, res);
      const { extract } = await registerExtract(ctx, req.params.personId, { format: 'json', locale: undefined });
      fileHeaders(res, 'application/json; charset=utf-8', fileName(ctx.today, extract.subject.id, 'json'));
      res.send(JSON.stringify(extract, null, 2));
    } catch (error) {
      sendError(res, error, log);
    }
  });

  /** 200 the PDF; 400 for a locale other than sv or en; otherwise as the JSON. */
  router.get('/:personId/pdf', async (req, res) => {
    try {
      const ctx = contextOf(req, res);
      const { extract, locale } = await registerExtract(ctx, req.params.personId, { format: 'pdf', locale: req.query.locale });
      fileHeaders(res, 'application/pdf', fileName(ctx.today, extract.subject.id, 'pdf'));
      await writeRegisterExtractPdf(res, extract, locale);
    } catch (error) {
      // Before the PDF starts, a refusal as JSON; after, all that can be done is to cut the download short.
      if (!res.headersSent) return sendError(res, error, log);
      log(`Register extract PDF cut short: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      res.destroy();
    }
  });

  return router;
}
