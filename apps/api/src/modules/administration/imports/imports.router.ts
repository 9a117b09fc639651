// The student list travels as a file, outside GraphQL (JSON only, at most 100 kb): a multipart upload with the
// same bearer token and the same refusals as the GraphQL API. The token comes in the Authorization header,
// never in a cookie, so another site cannot make a browser import a list.
import { MAX_STUDENT_LIST_BYTES } from '@insyn/domain';
import express, { type Request, type Response } from 'express';
import type { RequestContext } from '../../../context.ts';
import { formField, readUpload, sendError, singleFileUpload } from '../../../http-routes.ts';
import { requireAdministration } from '../administration.access.ts';
import { importStudentList } from './student-list.service.ts';

/** Where app.ts mounts the router. */
export const IMPORTS_PATH = '/api/administration/imports';
/** The multipart field of the list; the other fields are fromDate and apply ("true" to write), sent before it. */
export const LIST_FIELD = 'list';

const upload = singleFileUpload(LIST_FIELD, { maxBytes: MAX_STUDENT_LIST_BYTES, fields: 2 });

export function createImportsRouter({
  contextOf,
  log,
}: {
  contextOf: (req: Request, res: Response) => RequestContext;
  log: (line: string) => void;
}): express.Router {
  const router = express.Router();

  /** 200 the report (a dry run, or `applied`); 400 { problems } with nothing written; 401; 403 for anyone but an administrator. */
  router.post('/students', async (req, res) => {
    try {
      const ctx = contextOf(req, res);
      // Only an administrator's upload is read at all.
      await requireAdministration(ctx);
      const { tooLarge } = await readUpload(upload, req, res);
      const report = await importStudentList(ctx, {
        // One byte over the limit stands for a file that was too large, so the service refuses it as such.
        bytes: tooLarge ? new Uint8Array(MAX_STUDENT_LIST_BYTES + 1) : new Uint8Array(req.file?.buffer ?? Buffer.alloc(0)),
        fromDate: formField(req, 'fromDate'),
        apply: formField(req, 'apply') === 'true',
      });
      res.json(report);
    } catch (error) {
      sendError(res, error, log);
    }
  });

  return router;
}
