// Sick reports by phone (rule 4): 46elks answers the school's number, POSTs the call here, and follows
// the JSON call actions we answer with. The caller keys in the child's 12-digit personnummer; the
// caller's number (`from`) says who they are. Every refusal sounds the same, so a call never tells
// whether a child exists or who its guardians are (rule 1).
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database, Prisma, PrismaClient } from '@insyn/db';
import { parsePersonnummer } from '@insyn/domain';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { AppConfig } from '../../config.ts';
import { baseContext, type ServiceContext } from '../../context.ts';
import { audit } from '../audit/audit.service.ts';
import { reportSickByPhone } from '../sick-reports/sick-reports.service.ts';

/** Where app.ts mounts the router; the call actions' absolute URLs are built from it. */
export const VOICE_PATH = '/voice/46elks';

export interface VoiceRouterDeps {
  prisma: PrismaClient;
  query: Database['query'];
  config: AppConfig;
  wakeDelivery: () => void;
  /** unexpected errors; the caller only hears the refusal */
  log?: (line: string) => void;
}

/** The 46elks call actions we use (https://46elks.com/docs/call-actions). */
export type CallAction =
  | { ivr: string; digits: number; timeout: number; repeat: number; next: string }
  | { play: string; skippable: boolean; next: CallAction }
  | { hangup: 'reject' };

export const PROMPT_NAMES = ['greeting', 'retry', 'done', 'refused', 'goodbye'] as const;
export type PromptName = (typeof PROMPT_NAMES)[number];

export const MAX_ATTEMPTS = 3;
const PERSONNUMMER_DIGITS = 12;
/** 46elks' longest wait for input; twelve digits take a while */
const IVR_TIMEOUT_SECONDS = 30;
const E164 = /^\+[1-9]\d{6,14}$/;
const PROMPT_DIR = fileURLToPath(new URL('../../../assets/voice/', import.meta.url));

interface Prompt {
  body: Buffer;
  /** 46elks caches every sound URL, so a replaced file must get a new one */
  version: string;
}

function loadPrompts(): Map<string, Prompt> {
  const prompts = new Map<string, Prompt>();
  for (const name of PROMPT_NAMES) {
    const body = readFileSync(`${PROMPT_DIR}${name}.wav`);
    prompts.set(`${name}.wav`, { body, version: createHash('sha256').update(body).digest('hex').slice(0, 12) });
  }
  return prompts;
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * 46elks sends the user:pass written into the webhook URL as HTTP Basic credentials. Both sides are
 * hashed to equal length first, so the comparison takes the same time whatever was sent.
 */
function basicAuthMatches(header: string | undefined, expectedDigest: Buffer | null): boolean {
  const encoded = /^Basic ([A-Za-z0-9+/]+={0,2})$/i.exec(header ?? '')?.[1];
  const supplied = sha256(encoded === undefined ? '' : Buffer.from(encoded, 'base64').toString('utf8'));
  const matches = timingSafeEqual(supplied, expectedDigest ?? sha256(''));
  return matches && encoded !== undefined && expectedDigest !== null;
}

/** A form field as 46elks sends it: one string; repeated or nested fields count as missing. */
function field(req: Request, name: string): string | undefined {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null) return undefined;
  const value: unknown = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** The attempt in the `next` URL we built; anything else counts as the last, so a loop cannot be forced. */
function attemptOf(req: Request): number {
  const value = req.query.attempt;
  return typeof value === 'string' && /^[1-9]$/.test(value) ? Math.min(Number(value), MAX_ATTEMPTS) : MAX_ATTEMPTS;
}

/** What the caller keyed in, if it is a real 12-digit personnummer; a trailing # (end of input) is allowed. */
function keyedPersonnummer(result: string | undefined, today: string): { canonical: string; birthDate: string } | null {
  const digits = result?.trim().replace(/#$/, '');
  if (digits === undefined || !new RegExp(`^\\d{${PERSONNUMMER_DIGITS}}$`).test(digits)) return null;
  const parsed = parsePersonnummer(digits, { referenceDate: today });
  return parsed.ok ? { canonical: parsed.value.canonical, birthDate: parsed.value.birthDate } : null;
}

/** The caller's number; a `+` sent unencoded arrives as a space, so a leading space before digits is read as one. */
function callerOf(req: Request): string {
  return (field(req, 'from') ?? '').replace(/^ (?=\d)/, '+').trim();
}

/** For the audit log: the shape of bad input, never its content. */
function describeInput(result: string | undefined): { length: number; digitsOnly: boolean } | null {
  return result === undefined ? null : { length: result.length, digitsOnly: /^\d*$/.test(result) };
}

export function createVoiceRouter(deps: VoiceRouterDeps): express.Router {
  const { prisma, query, config, wakeDelivery } = deps;
  const log = deps.log ?? ((line: string) => console.error(line));
  const credentials = config.notifications.voice;
  const expectedDigest = credentials ? sha256(`${credentials.username}:${credentials.password}`) : null;
  const prompts = loadPrompts();
  const base = `${config.notifications.publicUrl}${VOICE_PATH}`;

  const promptUrl = (name: PromptName): string => {
    const file = `${name}.wav`;
    return `${base}/prompts/${file}?v=${prompts.get(file)?.version ?? ''}`;
  };
  /** 46elks calls `next` as given and does not remember the credentials of voice_start, so they go into the URL. */
  const digitsUrl = (attempt: number): string => {
    const url = new URL(`${base}/digits`);
    url.searchParams.set('attempt', String(attempt));
    if (credentials) {
      url.username = credentials.username;
      url.password = credentials.password;
    }
    return url.toString();
  };

  const askForDigits = (prompt: PromptName, attempt: number): CallAction => ({
    ivr: promptUrl(prompt),
    digits: PERSONNUMMER_DIGITS,
    timeout: IVR_TIMEOUT_SECONDS,
    // We re-prompt ourselves (with a different message), counting attempts in the URL.
    repeat: 1,
    next: digitsUrl(attempt),
  });
  // Not skippable: a key pressed during the last words would otherwise cut them off.
  const sayAndHangUp = (prompt: PromptName): CallAction => ({ play: promptUrl(prompt), skippable: false, next: { hangup: 'reject' } });

  const serviceContext = (): ServiceContext => ({ ...baseContext(prisma, config, config.clock()), query, wakeDelivery });
  const auditContext = (req: Request) => ({ prisma, ip: req.ip, auth: null });
  const callDetails = (req: Request) => ({ channel: 'PHONE', callId: field(req, 'callid') ?? null, caller: field(req, 'from') ?? null });

  /** A refusal is logged, and the audit must not turn into an error the caller hears. */
  const auditRefusal = async (req: Request, details: Prisma.InputJsonObject): Promise<void> => {
    try {
      await audit(auditContext(req), 'sickReport.phoneRefused', { details: { ...callDetails(req), ...details } });
    } catch (error) {
      log(`voice: could not write the audit event: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  /** Logged as a web report is (sickReport.created), with the reporting guardian's account as the user. */
  const auditReport = async (req: Request, reportId: string): Promise<void> => {
    try {
      const report = await prisma.sickReport.findUnique({
        where: { id: reportId },
        select: { studentId: true, reportedByGuardianId: true },
      });
      const account = report?.reportedByGuardianId
        ? await prisma.userAccount.findUnique({ where: { guardianId: report.reportedByGuardianId }, select: { id: true } })
        : null;
      await audit(auditContext(req), 'sickReport.created', {
        studentId: report?.studentId,
        entityType: 'SickReport',
        entityId: reportId,
        userId: account?.id,
        details: { ...callDetails(req), guardianId: report?.reportedByGuardianId ?? null },
      });
    } catch (error) {
      log(`voice: could not write the audit event: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const badInput = async (req: Request): Promise<CallAction> => {
    const attempt = attemptOf(req);
    const giveUp = attempt >= MAX_ATTEMPTS;
    await auditRefusal(req, { reason: 'INVALID_INPUT', attempt, gaveUp: giveUp, input: describeInput(field(req, 'result')) });
    return giveUp ? sayAndHangUp('goodbye') : askForDigits('retry', attempt + 1);
  };

  const router = express.Router();

  router.get('/prompts/:file', (req, res) => {
    const prompt = prompts.get(req.params.file);
    if (!prompt) {
      res.status(404).end();
      return;
    }
    res.set('Cache-Control', 'public, max-age=86400').type('audio/wav').send(prompt.body);
  });

  router.post(
    ['/call', '/digits'],
    (req: Request, res: Response, next: NextFunction) => {
      if (basicAuthMatches(req.get('authorization'), expectedDigest)) return next();
      res.status(401).set('WWW-Authenticate', 'Basic realm="Insyn voice", charset="UTF-8"').end();
    },
    express.urlencoded({ extended: false, limit: '4kb', parameterLimit: 20 }),
  );

  router.post('/call', async (req, res) => {
    // A hidden number can never be a guardian's: say so at once rather than after twelve digits.
    // This tells the caller nothing about any child.
    if (!E164.test(callerOf(req))) {
      await auditRefusal(req, { reason: 'NO_CALLER_NUMBER' });
      res.json(sayAndHangUp('refused'));
      return;
    }
    res.json(askForDigits('greeting', 1));
  });

  router.post('/digits', async (req, res) => {
    const ctx = serviceContext();
    const keyed = keyedPersonnummer(field(req, 'result'), ctx.today);
    if (!keyed) {
      res.json(await badInput(req));
      return;
    }
    const from = callerOf(req);
    // Only the birth date goes into the log; the full number would be a personal identifier in clear text.
    const child = { birthDate: keyed.birthDate };
    if (!E164.test(from)) {
      await auditRefusal(req, { reason: 'NO_CALLER_NUMBER', ...child });
      res.json(sayAndHangUp('refused'));
      return;
    }
    try {
      const outcome = await reportSickByPhone(ctx, { callerPhone: from, personnummer: keyed.canonical });
      if (!outcome.ok) {
        // INVALID_PERSONNUMMER too: the caller hears the same refusal whatever the reason.
        await auditRefusal(req, { reason: outcome.reason, ...child });
        res.json(sayAndHangUp('refused'));
        return;
      }
      // A repeat call changes nothing (the day is already reported), so only a new report is logged.
      if (!outcome.alreadyReported) await auditReport(req, outcome.reportId);
      res.json(sayAndHangUp('done'));
    } catch (error) {
      log(`voice: sick report by phone failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      await auditRefusal(req, { reason: 'ERROR', ...child });
      res.json(sayAndHangUp('refused'));
    }
  });

  // A body the parser refused (too large, bad encoding) is garbage input, never a 500: 46elks would
  // retry a failed webhook for hours while the caller waits.
  router.use(async (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    if (req.path === '/digits') {
      res.json(await badInput(req));
      return;
    }
    log(`voice: ${req.method} ${req.path} failed: ${error instanceof Error ? error.message : String(error)}`);
    res.json(sayAndHangUp('refused'));
  });

  return router;
}
