import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test-support/app.ts";

// A quarter of a minute: with the old fixed minute of slack, a session in use expired here.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ SESSION_IDLE_MINUTES: "0.25" });
});
afterAll(() => t.close());

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const lastSeenAgo = async (userId: string): Promise<number> => {
  const [row] = await t.database.raw.query<{ ago: number }>(
    "select extract(epoch from now() - last_seen_at)::float as ago from sessions where user_id = $1 and revoked_at is null",
    [userId],
  );
  return row?.ago ?? Number.NaN;
};

describe("a short idle timeout", () => {
  it("never expires a session in use, and tells the client the timeout", async () => {
    const s = await t.login("lt.zwolle");
    expect((await s.get("/api/v1/auth/me")).json().session.idleTimeoutSeconds).toBe(15);
    // Twenty seconds of use, a request every 2.5 s: longer than the timeout, never idle that long.
    for (let i = 0; i < 8; i++) {
      await wait(2_500);
      const response = await s.get("/api/v1/cases");
      expect(response.statusCode, `request ${i + 1}`).toBe(200);
    }
    // The last use is recorded within the slack (a tenth of the timeout) of the last request.
    expect(await lastSeenAgo(s.userId)).toBeLessThan(1.5 + 0.5);
  });

  it("still expires a session left idle past the timeout", async () => {
    const s = await t.login("mda");
    await wait(16_000);
    expect((await s.get("/api/v1/cases")).statusCode).toBe(401);
  });
});
