// The school's lists travel as files, outside GraphQL (JSON only, at most 100 kb): a multipart upload with the
// same bearer token and the same refusals as the GraphQL API. The token comes in the Authorization header,
// never in a cookie, so another site cannot make a browser import a list.
// POST /students: the student list (fields fromDate, apply); POST /guardians and POST /staff: the guardian and staff
// lists (field apply). GET /history: the organisation's latest imports that were meant to be written.
import { MAX_LIST_BYTES } from '@insyn/domain';
import express, { type Request, type Response } from 'express';
import type { RequestContext } from '../../../context.ts';
import { formField, readUpload, sendError, singleFileUpload } from '../../../http-routes.ts';
import { requireAdministration } from '../administration.access.ts';
import { importGuardianList } from './guardian-list.service.ts';
import { listImportHistory } from './list-file.ts';
import { importStaffList } from './staff-list.service.ts';
import { importStudentList } from './student-list.service.ts';

/** Where app.ts mounts the router. */
export const IMPORTS_PATH = '/api/administration/imports';
/** The multipart field of the list; the other fields (apply: "true" to write; fromDate) are sent before it. */
export const LIST_FIELD = 'list';

const upload = singleFileUpload(LIST_FIELD, { maxBytes: MAX_LIST_BYTES, fields: 2 });

/** The uploaded file; one byte over the limit stands for a file that was too large, so the service refuses it as such. */
const uploadedBytes = (req: Request, tooLarge: boolean): Uint8Array =>
  tooLarge ? new Uint8Array(MAX_LIST_BYTES + 1) : (req.file?.buffer ?? new Uint8Array());

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
        bytes: uploadedBytes(req, tooLarge),
        fromDate: formField(req, 'fromDate'),
        apply: formField(req, 'apply') === 'true',
      });
      res.json(report);
    } catch (error) {
      sendError(res, error, log);
    }
  });

  for (const [path, importList] of [
    ['/guardians', importGuardianList],
    ['/staff', importStaffList],
  ] as const) {
    router.post(path, async (req, res) => {
      try {
        const ctx = contextOf(req, res);
        await requireAdministration(ctx);
        const { tooLarge } = await readUpload(upload, req, res);
        res.json(await importList(ctx, { bytes: uploadedBytes(req, tooLarge), apply: formField(req, 'apply') === 'true' }));
      } catch (error) {
        sendError(res, error, log);
      }
    });
  }

  router.get('/history', async (req, res) => {
    try {
      const ctx = contextOf(req, res);
      const { organisationId } = await requireAdministration(ctx);
      res.set('Cache-Control', 'private, no-store');
      res.json({ runs: await listImportHistory(ctx, organisationId) });
    } catch (error) {
      sendError(res, error, log);
    }
  });

  return router;
}
