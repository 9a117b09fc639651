import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/** A call of codegen's `graphql()` with the operation's text, as the app's operations.ts files write them. */
const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
const IMPORT = /^import \{ graphql \} from '(?:\.\.\/)+gql';$/m;

/** The generated documents by the text each was written as (src/gql/gql.ts maps one to the other). */
function generatedDocuments(gqlDir: string): Map<string, string> {
  const byName = new Map<string, string>();
  const typed = readFileSync(resolve(gqlDir, 'graphql.ts'), 'utf8');
  for (const [, name, json] of typed.matchAll(/^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm)) {
    if (name && json) byName.set(name, json);
  }
  const byText = new Map<string, string>();
  const map = readFileSync(resolve(gqlDir, 'gql.ts'), 'utf8');
  const table = map.slice(map.indexOf('const documents'), map.indexOf('};', map.indexOf('const documents')));
  for (const [, key, name] of table.matchAll(/^\s*("(?:[^"\\]|\\.)*"): types\.(\w+),$/gm)) {
    const json = name ? byName.get(name) : undefined;
    if (key && json) byText.set(JSON.parse(key) as string, json);
  }
  return byText;
}

/**
 * Writes the document codegen generated for each `graphql(…)` call in its place (with the hash the client sends for
 * it), so that a chunk carries the documents of its own pages. Left as calls, every page would load src/gql/gql.ts,
 * which holds every operation's text and document; codegen's Babel plugin imports each from src/gql/graphql.ts
 * instead, which would gather them all in one chunk shared by every page just the same. The documents themselves stay
 * in the app: Apollo's cache reads and writes answers by their selections.
 */
export function inlineGraphqlDocuments(): Plugin {
  let documents = new Map<string, string>();
  let gqlDir = '';
  return {
    name: 'insyn:graphql-documents',
    apply: 'build',
    enforce: 'pre',
    configResolved(config) {
      gqlDir = resolve(config.root, 'src', 'gql');
    },
    buildStart() {
      documents = generatedDocuments(gqlDir);
    },
    transform: {
      filter: { id: /\.tsx?$/, code: 'graphql(`' },
      handler(code, id) {
        if (id.startsWith(gqlDir)) return null;
        const inlined = code.replace(IMPORT, '').replace(CALL, (call: string, text: string) => {
          const json = documents.get(text);
          if (!json) this.error(`${id}: no generated document for a graphql() call; run node scripts/generate.mjs`);
          // The same number of lines, so that the source map of the rest of the file stays right.
          return `(${json}${'\n'.repeat(call.split('\n').length - 1)})`;
        });
        if (/\bgraphql\(/.test(inlined)) this.error(`${id}: a graphql() call this plugin cannot read (only one template, no \${…})`);
        return { code: inlined, map: null };
      },
    },
  };
}
