import closeWithGrace from "close-with-grace";
import { buildApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { openDatabase } from "./db/client.ts";
import { DataDirLockedError } from "./db/data-dir-lock.ts";
import { migrate } from "./db/migrate.ts";
import { startScheduler } from "./jobs/scheduler.ts";
import { loadRegion } from "./region/load-region.ts";

/** Start-up failures a user can act on get one clear sentence, not a stack trace. */
function exitWith(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      exitWith(error.message);
    }
    throw error;
  }

  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      exitWith(error.message);
    }
    throw error;
  }

  await migrate(database.raw);
  const { loaded } = await loadRegion(database.db, {
    region: config.loadDemoData ? "ijsselland" : undefined,
    withDemoAccounts: config.loadDemoData,
  });

  const app = await buildApp({ config, database });
  const scheduler = startScheduler(database.db, 10 * 60_000, (err) =>
    app.log.error({ err }, "the deadline sweep failed"),
  );
  closeWithGrace({ delay: 10_000 }, async ({ err, signal }) => {
    scheduler.stop();
    if (err) {
      app.log.error({ err }, "stopping after an error");
    } else {
      app.log.info({ signal }, "stopping");
    }
    await app.close();
    await database.close();
  });

  await app.listen({ port: config.port, host: config.host });
  const where = database.kind === "pglite" ? `embedded PGlite in ${config.dataDir}` : "PostgreSQL";
  app.log.info(
    `Schakel is running on http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port} (${where})`,
  );
  if (loaded && config.loadDemoData) {
    app.log.info("Loaded the demo region IJsselland with the demo accounts (see README: demo only).");
  }
}

main().catch((error: unknown) => {
  if (error instanceof Error && error.name === "MigrationError") {
    exitWith(`Schakel cannot start: ${error.message}`);
  }
  console.error(error);
  process.exit(1);
});
