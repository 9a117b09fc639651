import type { Database, Prisma, PrismaClient } from '@insyn/db';
import { schoolDateOf } from '@insyn/domain';
import type { Request, Response } from 'express';
import type { AppConfig } from './config.ts';
import type { Viewer } from './modules/access/viewer.ts';
import type { PasswordGate } from './modules/auth/password.ts';
import type { MessageSender } from './modules/notifications/delivery/sender.ts';
import type { ReferenceData } from './modules/statistics/reference-data.ts';

/** Cookie access for the auth module; kept narrow so services do not depend on Express. */
export interface CookieJar {
  get(name: string): string | undefined;
  set(name: string, value: string, options: { maxAgeSeconds: number; path: string }): void;
  clear(name: string, path: string): void;
}

export interface RequestContext {
  prisma: PrismaClient;
  /** the driver's own statements on a PostgreSQL server (Database.query); see queryRows */
  query: Database['query'];
  config: AppConfig;
  /** one clock per request, so every rule in a request sees the same "today" */
  now: Date;
  today: string;
  /** from a valid access token; the viewer's rights are loaded per request from it */
  auth: { userId: string; sessionId: string } | null;
  cookies: CookieJar;
  ip: string | undefined;
  userAgent: string | undefined;
  /** memoised per request by modules/access/viewer.ts */
  viewer?: Promise<Viewer>;
  /** tells this process's delivery worker that messages were queued, so it need not wait for its next poll */
  wakeDelivery: () => void;
  /** this process's bound on password hashing (modules/auth/password.ts) */
  passwords: PasswordGate;
  /** e-mail to a person about their account (a password reset link); null without SMTP_URL */
  accountMail: MessageSender | null;
  /** this process's subjects and terms (modules/statistics/reference-data.ts) */
  referenceData: ReferenceData;
}

/** What services need when no one is logged in (the phone service, the delivery worker). */
export type ServiceContext = Pick<RequestContext, 'prisma' | 'query' | 'config' | 'now' | 'today' | 'wakeDelivery'>;

/**
 * The rows of a statement nearly every request runs, committed on its own (a read, or a function that writes all or
 * nothing): through the driver where the database has it (Database.query), else through the context's Prisma client.
 * Outside transactions only: a transaction's client does not fit `prisma` here (it lacks the client's own methods), so
 * a statement that must see or join what a transaction wrote cannot come here by mistake.
 */
export const queryRows = <Row>(ctx: Pick<RequestContext, 'prisma' | 'query'>, query: Prisma.Sql): Promise<Row[]> =>
  ctx.query ? ctx.query<Row>(query) : ctx.prisma.$queryRaw<Row[]>(query);

export function expressCookieJar(req: Request, res: Response, secure: boolean): CookieJar {
  const cookies = (req.cookies ?? {}) as Record<string, string | undefined>;
  return {
    get: (name) => cookies[name],
    set: (name, value, { maxAgeSeconds, path }) => {
      res.cookie(name, value, { httpOnly: true, sameSite: 'strict', secure, path, maxAge: maxAgeSeconds * 1000 });
    },
    clear: (name, path) => {
      res.clearCookie(name, { httpOnly: true, sameSite: 'strict', secure, path });
    },
  };
}

export function baseContext(
  prisma: PrismaClient,
  config: AppConfig,
  now = new Date(),
): Pick<RequestContext, 'prisma' | 'config' | 'now' | 'today'> {
  return { prisma, config, now, today: schoolDateOf(now) };
}
