// Used by the Prisma CLI (client generation; `prisma migrate deploy` where the CLI's engines can be had).
// Insyn itself migrates through packages/db, which needs no downloaded engine.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/insyn' },
});
