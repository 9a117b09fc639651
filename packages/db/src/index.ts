export { databaseLocationFromEnv } from './env.ts';
export { openDatabase, describeLocation, type Database, type DatabaseLocation, type OpenOptions } from './database.ts';
export { applyPendingMigrations, diffDatabaseToSchema, isEmptyMigration, readMigrationList } from './migrations.ts';
export { findProjectRoot, projectPaths } from './project-root.ts';
export * from './generated/prisma/client.ts';
