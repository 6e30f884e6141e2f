import { BaseConfig, migrateDatabase, openDatabase, parseConfig } from "@matchday/shared";

/** `matchday migrate`: applies pending migrations (safe to run from many replicas at once). */
export async function migrateCommand(env: Record<string, string | undefined>): Promise<void> {
  const config = parseConfig(BaseConfig, env);
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.MATCHDAY_DATA_DIR,
    applicationName: "matchday-migrate",
  });
  try {
    await migrateDatabase(database);
    console.log(`migrations applied (${database.describe})`);
  } finally {
    await database.close();
  }
}
