// What the API's few routes beside GraphQL share (file uploads and downloads, which GraphQL's JSON cannot carry):
// the service's refusals as HTTP statuses with the same code and problems GraphQL would give, and one multipart
// file read with limits.
import { freeTextProblem } from '@insyn/domain';
import type { Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import multer from 'multer';

const STATUS_OF: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400 };

/** A service's error as HTTP: the status and `{ code, message, problems }`; anything unexpected is logged and a 500. */
export function sendError(res: Response, error: unknown, log: (line: string) => void): void {
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

/**
 * A text field as a form sends it: one string; anything else counts as empty. A control character or an overlong
 * text is BAD_USER_INPUT, as in any GraphQL argument (graphql/guard.ts); a date is the route's service's to check, as
 * an import keeps its refusal with the rest of the file's problems in its history.
 */
export function formField(req: Request, name: string): string {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null) return '';
  const value: unknown = (body as Record<string, unknown>)[name];
  if (typeof value !== 'string') return '';
  const problem = freeTextProblem(value);
  if (problem) {
    throw new GraphQLError(`${name}: ${problem}`, { extensions: { code: 'BAD_USER_INPUT', problems: [{ field: name, code: problem }] } });
  }
  return value;
}

/** Multipart with one file in `field` and at most `fields` text fields, kept in memory up to `maxBytes`. */
export function singleFileUpload(field: string, limits: { maxBytes: number; fields: number }): RequestHandler {
  return multer({
    storage: multer.memoryStorage(),
    // Browsers send the file name in UTF-8; busboy would read it as Latin-1 and make "Åtgärd" into mojibake.
    defParamCharset: 'utf8',
    // The file limit is the caller's; the others keep a request from being anything but its form.
    limits: { fileSize: limits.maxBytes, files: 1, fields: limits.fields, fieldSize: 16 * 1024, parts: limits.fields + 1 },
  }).single(field);
}

/**
 * Reads the multipart body. A file over the limit is not kept: the answer is `tooLarge`, so that the service
 * can still refuse as it refuses everything else (after deciding whether the viewer may send it at all). A body
 * the parser cannot read (too many parts, or cut off as a dropped connection leaves it) is the sender's fault:
 * BAD_USER_INPUT, not a server error; the parser keeps everything in memory, so nothing else can fail in it.
 */
export function readUpload(upload: RequestHandler, req: Request, res: Response): Promise<{ tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    upload(req, res, (error: unknown) => {
      if (!error) resolve({ tooLarge: false });
      else if (error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE') resolve({ tooLarge: true });
      else {
        const reason = error instanceof Error ? error.message : String(error);
        reject(new GraphQLError(`The upload could not be read: ${reason}`, { extensions: { code: 'BAD_USER_INPUT', problems: [] } }));
      }
    });
  });
}
