// Credentials to print travel as PDF, outside GraphQL. Each request issues new codes (voiding earlier ones), so
// both routes are POSTs with the bearer token in the Authorization header: another site cannot make a browser
// print them. POST /guardian-letters { schoolId, groupId?, onlyWithoutActivatedAccount }: the school's letters.
// POST /class-sheet { groupId }: the mentor's class sheet.
import { ACTIVATION_CODE_DAYS, schoolDateOf } from '@insyn/domain';
import express, { type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import type { RequestContext } from '../../context.ts';
import { sendError } from '../../http-routes.ts';
import { writeClassSheet, writeGuardianLetters } from './credential-pdfs.ts';
import { issueClassSheet, issueGuardianLetters } from './credentials.service.ts';

export const CREDENTIALS_PATH = '/api/accounts';

const letterChoice = z.strictObject({
  schoolId: z.string().max(100),
  groupId: z.string().max(100).nullish(),
  onlyWithoutActivatedAccount: z.boolean(),
});
const sheetChoice = z.strictObject({ groupId: z.string().max(100) });

function parsed<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({ field: issue.path.join('.'), code: 'INVALID' }));
  throw new GraphQLError('The request is not what this route takes', { extensions: { code: 'BAD_USER_INPUT', problems } });
}

function pdfHeaders(res: Response, fileName: string): void {
  res.set({
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="${fileName}"`,
    // Activation codes: never kept by a browser or a proxy.
    'Cache-Control': 'private, no-store',
  });
}

const fileNamePart = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

export function createCredentialsRouter({
  contextOf,
  log,
}: {
  contextOf: (req: Request, res: Response) => RequestContext;
  log: (line: string) => void;
}): express.Router {
  const router = express.Router();
  router.use(express.json({ limit: '4kb' }));
  // A body that is not JSON, or too large, is the sender's fault: answered as every other refusal is.
  router.use((error: unknown, _req: Request, res: Response, next: express.NextFunction) => {
    if (!error) return next();
    sendError(
      res,
      new GraphQLError('The body must be JSON of at most 4 kB', { extensions: { code: 'BAD_USER_INPUT', problems: [] } }),
      log,
    );
  });
  /** Before the PDF starts, a refusal as JSON; after, all that can be done is to cut the download short. */
  const fail = (res: Response, error: unknown) => {
    if (!res.headersSent) return sendError(res, error, log);
    log(`Credentials PDF cut short: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    res.destroy();
  };

  const common = (ctx: RequestContext) => ({
    publicUrl: ctx.config.notifications.publicUrl,
    today: ctx.today,
    validThrough: schoolDateOf(new Date(ctx.now.getTime() + ACTIVATION_CODE_DAYS * 24 * 60 * 60 * 1000)),
  });

  /** 200 the PDF; 400 { code, problems }; 401; 404 for a school or class the viewer may not print for. */
  router.post('/guardian-letters', async (req, res) => {
    try {
      const ctx = contextOf(req, res);
      const issued = await issueGuardianLetters(ctx, parsed(letterChoice, req.body));
      pdfHeaders(res, `inloggningsbrev-${fileNamePart(issued.schoolName)}-${ctx.today}.pdf`);
      await writeGuardianLetters(res, issued, issued.credentials, common(ctx));
    } catch (error) {
      fail(res, error);
    }
  });

  router.post('/class-sheet', async (req, res) => {
    try {
      const ctx = contextOf(req, res);
      const sheet = await issueClassSheet(ctx, parsed(sheetChoice, req.body).groupId);
      pdfHeaders(res, `inloggning-${fileNamePart(sheet.className)}-${ctx.today}.pdf`);
      await writeClassSheet(res, sheet, common(ctx));
    } catch (error) {
      fail(res, error);
    }
  });

  return router;
}
