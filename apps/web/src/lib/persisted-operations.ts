import type { DocumentNode } from 'graphql';

/**
 * Persisted operations: the API runs only this app's operations (apps/api/src/graphql/persisted-operations.ts), and the
 * app sends each as the SHA-256 of its text, which codegen put in the document (`__meta__.hash`, codegen.ts).
 */
export function persistedHash(document: DocumentNode): string {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  if (typeof hash !== 'string') throw new Error('A GraphQL document without its persisted hash: run node scripts/generate.mjs');
  return hash;
}

/** The request's `extensions` for an operation sent by hash (the APQ extension's form, version 1). */
export function persistedExtensions(document: DocumentNode): { persistedQuery: { version: 1; sha256Hash: string } } {
  return { persistedQuery: { version: 1, sha256Hash: persistedHash(document) } };
}
