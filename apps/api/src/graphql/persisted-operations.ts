// Persisted operations: the web app's GraphQL operations, known to the server by the SHA-256 of their text. Codegen
// writes them (apps/web/src/gql/persisted-documents.json, copied here as generated/persisted-operations.json by
// scripts/generate.mjs); the app sends only the hash, in the APQ extension `persistedQuery.sha256Hash`. In production
// the server runs nothing else, so a query written by hand (someone exploring the API with their session) is refused
// before it is parsed. Tests and development may still send any query (config.graphqlOperations).
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RequestHandler, Response } from 'express';

export const PERSISTED_OPERATIONS_FILE = fileURLToPath(new URL('../generated/persisted-operations.json', import.meta.url));

/** The client sent a query's text where only a persisted operation's hash is accepted. */
export const PERSISTED_QUERY_REQUIRED = 'PERSISTED_QUERY_REQUIRED';
/** The hash is of no operation this server knows (hand-made, or from another release of the app). */
export const PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The operations by hash, read from the file; read again when a lookup misses and the file has changed since. */
export class PersistedOperations {
  #texts = new Map<string, string>();
  #readAt: number | null = null;

  constructor(private readonly file: string) {
    this.#readIfChanged();
  }

  get size(): number {
    return this.#texts.size;
  }

  lookup(hash: string): string | undefined {
    // A developer's codegen may have added operations since the server started; in production the file stays as it is.
    return this.#texts.get(hash) ?? (this.#readIfChanged() ? this.#texts.get(hash) : undefined);
  }

  #readIfChanged(): boolean {
    let changedAt: number;
    try {
      changedAt = statSync(this.file).mtimeMs;
    } catch {
      return false;
    }
    if (changedAt === this.#readAt) return false;
    const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
    const texts = new Map<string, string>();
    for (const [hash, text] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof text !== 'string' || sha256(text) !== hash) throw new Error(`${this.file}: the operation ${hash} does not match its hash`);
      texts.set(hash, text);
    }
    this.#texts = texts;
    this.#readAt = changedAt;
    return true;
  }
}

function refuse(res: Response, code: string, message: string): void {
  res.status(400).json({ errors: [{ message, extensions: { code } }] });
}

interface OperationRequest {
  query?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } & Record<string, unknown> } & Record<string, unknown>;
}

/**
 * Before Apollo Server (whose own APQ is off: it would store any text a client sends with its hash): an operation sent
 * by hash gets its text; one sent as text passes only when `onlyPersisted` is off. Apollo sees plain operations.
 */
export function persistedOperationsMiddleware(
  operations: PersistedOperations,
  { onlyPersisted }: { onlyPersisted: boolean },
): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET') {
      // The app posts; a GET is for a client exploring the API, which in production may not.
      if (onlyPersisted && req.query.query !== undefined) {
        refuse(res, PERSISTED_QUERY_REQUIRED, 'This server runs only the operations of its own app; queries over GET are refused');
        return;
      }
      return next();
    }
    const body: unknown = req.body;
    const requests = (Array.isArray(body) ? body : [body]).filter(
      (item): item is OperationRequest => typeof item === 'object' && item !== null,
    );
    for (const request of requests) {
      const persisted = request.extensions?.persistedQuery;
      if (typeof request.query === 'string' && request.query !== '') {
        if (onlyPersisted) {
          refuse(
            res,
            PERSISTED_QUERY_REQUIRED,
            'This server runs only the operations of its own app: send the operation’s hash in extensions.persistedQuery.sha256Hash, not its text',
          );
          return;
        }
      } else if (typeof persisted?.sha256Hash === 'string') {
        const text = operations.lookup(persisted.sha256Hash);
        if (text === undefined) {
          refuse(res, PERSISTED_QUERY_NOT_FOUND, 'No operation of this app has that hash');
          return;
        }
        request.query = text;
      }
      if (request.extensions && persisted !== undefined) delete request.extensions.persistedQuery;
    }
    next();
  };
}
