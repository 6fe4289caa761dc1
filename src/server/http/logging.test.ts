import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestApp, demoPassword, type TestApp } from "../test-support/app.ts";
import { loggerOptions } from "./logging.ts";

const lines: string[] = [];
const stream = new Writable({
  write(chunk, _encoding, done) {
    lines.push(chunk.toString());
    done();
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(
    {},
    {
      logger: { ...loggerOptions("info"), stream },
      beforeReady(app) {
        app.post(
          "/api/v1/test-store",
          { config: { access: "public" }, schema: { body: z.strictObject({ lastName: z.string() }) } },
          async (request) => {
            // A database error whose message and Drizzle wrapper both carry the value.
            await t.database.db.execute(sql`select ${request.body.lastName}::int`);
            return {};
          },
        );
      },
    },
  );
});
afterAll(() => t.close());

describe("server logs", () => {
  it("carry request ids and route patterns but no raw paths, personal data, passwords, tokens or query strings", async () => {
    const session = await t.login("intake");
    await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "intake", password: demoPassword },
    });
    await session.get("/api/v1/auth/me?name=Fatima-el-Amrani");
    // A path segment that is no id, and one of a route that does not exist, both carrying a BSN.
    await session.get("/api/v1/cases/999999990");
    await session.get("/api/v1/persons/by-bsn/999999990?name=Fatima");
    const failed = await t.app.inject({
      method: "POST",
      url: "/api/v1/test-store",
      payload: { lastName: "Jansen-de-Vries" },
    });
    expect(failed.statusCode).toBe(500);

    const log = lines.join("");
    expect(log).toContain('"reqId"');
    expect(log).toContain('"route":"/api/v1/auth/me"');
    expect(log).toContain('"route":"/api/v1/cases/:id"');
    expect(log).toContain('"route":"(no route)"');
    expect(log).not.toContain('"path"');
    expect(log).toContain("DatabaseError");
    expect(log).toContain("22P02");
    for (const secret of [
      "Jansen",
      "Fatima",
      "999999990",
      demoPassword,
      session.csrfToken,
      session.cookie.split("=")[1] ?? "never-empty",
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});
