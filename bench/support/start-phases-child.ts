// Run as a child process by start-time.ts: the steps of src/server/main.ts timed one by one, to
// explain where a start spends its time. Prints one JSON line; never listens on a port.
const processStartMs = performance.now();

const { buildApp } = await import("../../src/server/app.ts");
const { loadConfig } = await import("../../src/server/config.ts");
const { openDatabase } = await import("../../src/server/db/client.ts");
const { migrate } = await import("../../src/server/db/migrate.ts");
const { loadRegion } = await import("../../src/server/region/load-region.ts");
const importedMs = performance.now();

const dataDir = process.argv[2];
if (!dataDir) {
  throw new Error("usage: start-phases-child.ts <data folder>");
}
const config = loadConfig({ NODE_ENV: "development", SCHAKEL_DATA_DIR: dataDir, LOG_LEVEL: "silent" });
const database = await openDatabase({ dataDir: config.dataDir });
const openedMs = performance.now();
await migrate(database.raw);
const migratedMs = performance.now();
await loadRegion(database.db, { region: "ijsselland", withDemoAccounts: true });
const loadedMs = performance.now();
const app = await buildApp({ config, database, logger: false });
await app.ready();
const readyMs = performance.now();
await app.close();
await database.close();

process.stdout.write(
  `${JSON.stringify({
    nodeAndTsx: processStartMs,
    importModules: importedMs - processStartMs,
    openDatabase: openedMs - importedMs,
    migrate: migratedMs - openedMs,
    loadRegion: loadedMs - migratedMs,
    buildApp: readyMs - loadedMs,
    total: readyMs,
  })}\n`,
);
