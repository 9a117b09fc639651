// Generates the Prisma client and the GraphQL types (run after install and before builds).
// The Prisma CLI wants its native schema engine before `generate`, which cannot be downloaded here;
// naming any existing file skips that download, and `generate` itself only uses WebAssembly.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const bin = (name) => join(import.meta.dirname, '..', 'node_modules', '.bin', name);
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit', env });

run(bin('prisma'), ['generate']);
if (existsSync('codegen.ts')) {
  run(bin('graphql-codegen'), ['--config', 'codegen.ts']);
  // The API runs the web app's operations only (apps/api/src/graphql/persisted-operations.ts): its own copy of them.
  copyFileSync('apps/web/src/gql/persisted-documents.json', 'apps/api/src/generated/persisted-operations.json');
}
