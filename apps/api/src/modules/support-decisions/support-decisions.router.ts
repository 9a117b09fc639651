// The decision document travels outside GraphQL, which takes JSON only (and at most 100 kb): a multipart
// upload and a PDF download, with the same bearer token and the same refusals as the GraphQL API. The token
// comes in the Authorization header, never in a cookie, so another site cannot make a browser upload.
import { MAX_SUPPORT_DOCUMENT_BYTES } from '@insyn/domain';
import express, { type Request, type Response } from 'express';
import type { RequestContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { formField as field, readUpload, sendError, singleFileUpload } from '../../http-routes.ts';
import { mayRecordAny, recordSupportDecision, supportDecisionDocument } from './support-decisions.service.ts';

/** Where app.ts mounts the router. */
export const SUPPORT_DECISIONS_PATH = '/api/support-decisions';
/** The multipart field of the PDF; the other fields are studentId, kind, summary and decidedOn, sent before it. */
export const DOCUMENT_FIELD = 'document';

export interface SupportDecisionsRouterDeps {
  /** the same context GraphQL requests get, from the request's access token */
  contextOf: (req: Request, res: Response) => RequestContext;
  log: (line: string) => void;
}

const upload = singleFileUpload(DOCUMENT_FIELD, { maxBytes: MAX_SUPPORT_DOCUMENT_BYTES, fields: 4 });

export function createSupportDecisionsRouter({ contextOf, log }: SupportDecisionsRouterDeps): express.Router {
  const router = express.Router();

  /** 201 { id }: recorded, the guardians told. 400 { problems }, 401, 404: nothing saved. */
  router.post('/', async (req, res) => {
    try {
      const ctx = contextOf(req, res);
      // Only a principal's or an administrator's upload is read at all; anyone else learns nothing.
      if (!(await mayRecordAny(ctx))) throw notFound('Student');
      const { tooLarge } = await readUpload(upload, req, res);
      const file = req.file;
      const result = await recordSupportDecision(ctx, {
        studentId: field(req, 'studentId'),
        kind: field(req, 'kind'),
        summary: field(req, 'summary'),
        decidedOn: field(req, 'decidedOn'),
        document: tooLarge
          ? { name: '', bytes: Buffer.alloc(0), tooLarge: true }
          : file
            ? { name: file.originalname, bytes: file.buffer, tooLarge: false }
            : null,
      });
      res.status(201).json(result);
    } catch (error) {
      sendError(res, error, log);
    }
  });

  /** The PDF itself, for those who may read the decision. */
  router.get('/:id/document', async (req, res) => {
    try {
      const document = await supportDecisionDocument(contextOf(req, res), req.params.id);
      // A student's private document: no cache anywhere may keep it.
      res.set('Cache-Control', 'private, no-store');
      res.attachment(document.name);
      res.type('application/pdf');
      res.send(Buffer.from(document.bytes));
    } catch (error) {
      sendError(res, error, log);
    }
  });

  return router;
}
