// `pnpm migrate:deploy`: applies pending migrations to the configured database (DATABASE_URL, or the
// embedded data folder). The API does the same at startup; this is for deploy pipelines.
import { databaseLocationFromEnv } from '../env.ts';
import { describeLocation, openDatabase } from '../database.ts';
import { applyPendingMigrations } from '../migrations.ts';

const location = databaseLocationFromEnv(process.env);
const db = await openDatabase(location);
try {
  const applied = await applyPendingMigrations(db.adapterFactory);
  console.log(`${describeLocation(location)}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
} finally {
  await db.close();
}
