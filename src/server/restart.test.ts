import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "./app.ts";
import { currentTotp } from "./auth/totp.ts";
import { loadConfig } from "./config.ts";
import { openDatabase } from "./db/client.ts";
import { migrate } from "./db/migrate.ts";
import { loadRegion } from "./region/load-region.ts";
import { demoPassword, demoTotpSecret } from "./test-support/app.ts";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "schakel-restart-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function start() {
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", SCHAKEL_DATA_DIR: dataDir });
  const database = await openDatabase({ dataDir });
  await migrate(database.raw);
  await loadRegion(database.db, { region: "ijsselland", withDemoAccounts: true });
  const app = await buildApp({ config, database, logger: false, webRoot: "/nonexistent" });
  return {
    app,
    stop: async () => {
      await app.close();
      await database.close();
    },
  };
}

describe("the embedded database", () => {
  it("keeps data and sessions across a restart", async () => {
    const first = await start();
    const login = await first.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "intake", password: demoPassword, totp: await currentTotp(demoTotpSecret) },
    });
    const cookie = login.cookies.find((c) => c.name === "schakel_session");
    await first.stop();

    const second = await start();
    try {
      const me = await second.app.inject({
        method: "GET",
        url: "/api/v1/auth/me",
        headers: { cookie: `schakel_session=${cookie?.value}` },
      });
      expect(me.statusCode).toBe(200);
      expect(me.json().user.username).toBe("intake");
    } finally {
      await second.stop();
    }
  });

  it("refuses a second server on the same data folder with a clear message", async () => {
    const env = { ...process.env, SCHAKEL_DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "warn", DATABASE_URL: "" };
    const first = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], { env, stdio: "pipe" });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("first server did not lock the folder")), 30_000);
        const poll = setInterval(() => {
          if (fs.existsSync(path.join(dataDir, "schakel.lock"))) {
            clearInterval(poll);
            clearTimeout(timer);
            resolve();
          }
        }, 50);
      });
      const second = await promisify(execFile)(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
        env,
      }).catch((error: { code: number; stderr: string }) => error);
      expect((second as { code: number }).code).toBe(1);
      expect((second as { stderr: string }).stderr).toMatch(/already runs on the data folder/);
    } finally {
      first.kill("SIGTERM");
      await new Promise((resolve) => first.once("exit", resolve));
    }
    expect(fs.existsSync(path.join(dataDir, "schakel.lock"))).toBe(false);
  });
});
