// The decision document travels outside GraphQL, which takes JSON only (and at most 100 kb): a multipart
// upload and a PDF download, with the same bearer token and the same refusals as the GraphQL API. The token
// comes in the Authorization header, never in a cookie, so another site cannot make a browser upload.
import { MAX_SUPPORT_DOCUMENT_BYTES } from '@insyn/domain';
import express, { type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import multer from 'multer';
import type { RequestContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
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

const STATUS_OF: Record<string, number> = { UNAUTHENTICATED: 401, NOT_FOUND: 404, BAD_USER_INPUT: 400 };

/** The service's errors as HTTP: the status and the same code and problems GraphQL would give. */
function sendError(res: Response, error: unknown, log: (line: string) => void): void {
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  const status = typeof code === 'string' ? STATUS_OF[code] : undefined;
  if (error instanceof GraphQLError && status !== undefined) {
    res
      .status(status)
      .json({ code, message: error.message, ...(Array.isArray(error.extensions.problems) ? { problems: error.extensions.problems } : {}) });
    return;
  }
  log(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  res.status(500).json({ code: 'INTERNAL_SERVER_ERROR' });
}

/** A text field as a form sends it: one string; anything else counts as empty. */
function field(req: Request, name: string): string {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null) return '';
  const value: unknown = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}

const upload = multer({
  storage: multer.memoryStorage(),
  // Browsers send the file name in UTF-8; busboy would read it as Latin-1 and make "Åtgärd" into mojibake.
  defParamCharset: 'utf8',
  // The file limit is the rule's; the others keep a request from being anything but this form.
  limits: { fileSize: MAX_SUPPORT_DOCUMENT_BYTES, files: 1, fields: 4, fieldSize: 16 * 1024, parts: 5 },
}).single(DOCUMENT_FIELD);

/**
 * Reads the multipart body. A file over the limit is not kept: the answer is `tooLarge`, so that the service
 * can still refuse as it refuses everything else (after deciding whether the viewer may record at all).
 */
function readUpload(req: Request, res: Response): Promise<{ tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    upload(req, res, (error: unknown) => {
      if (!error) resolve({ tooLarge: false });
      else if (error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE') resolve({ tooLarge: true });
      else if (error instanceof multer.MulterError)
        reject(new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', problems: [] } }));
      else reject(error instanceof Error ? error : new Error(String(error)));
    });
  });
}

export function createSupportDecisionsRouter({ contextOf, log }: SupportDecisionsRouterDeps): express.Router {
  const router = express.Router();

  /** 201 { id }: recorded, the guardians told. 400 { problems }, 401, 404: nothing saved. */
  router.post('/', async (req, res) => {
    try {
      const ctx = contextOf(req, res);
      // Only a principal's or an administrator's upload is read at all; anyone else learns nothing.
      if (!(await mayRecordAny(ctx))) throw notFound('Student');
      const { tooLarge } = await readUpload(req, res);
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
