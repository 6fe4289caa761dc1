import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("configuration", () => {
  it("has working defaults: port 3000 on localhost, PGlite in ./data, 15 min idle, 10 h absolute", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      dataDir: path.resolve("./data"),
      databaseUrl: undefined,
      env: "development",
      session: { idleMinutes: 15, absoluteHours: 10 },
      behindTls: false,
      loadDemoData: true,
    });
  });

  it("loads no demo data in production and assumes TLS there", () => {
    const config = loadConfig({ NODE_ENV: "production" });
    expect(config.loadDemoData).toBe(false);
    expect(config.behindTls).toBe(true);
  });

  it("lists every problem at once", () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: "eighty",
        DATABASE_URL: "mysql://x",
        SESSION_IDLE_MINUTES: "0",
        NODE_ENV: "staging",
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => p.split(":")[0]);
    expect(problems.sort()).toEqual(["DATABASE_URL", "NODE_ENV", "PORT", "SESSION_IDLE_MINUTES"]);
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ DATABASE_URL: "", PORT: "" }).port).toBe(3000);
  });
});
