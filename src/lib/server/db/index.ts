export { openDatabase, defaultPgliteDir, selectRows } from './connection';
export type { Database, DatabaseConnection, DatabaseOptions } from './connection';
export { migrate, readMigrations } from './migrate';
export * as schema from './schema';
export { isDatabaseUnavailable } from './unavailable';
export { DatabaseTime, measureDatabaseTime } from './timing';
