import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginThrottle } from "../db/schema.ts";
import { createTestApp, demoPassword, demoTotpSecret, type TestApp } from "../test-support/app.ts";
import { accountKey } from "./throttle.ts";
import { currentTotp } from "./totp.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const loginAs = async (payload: Record<string, unknown>, remoteAddress = "127.0.0.1") =>
  t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload, remoteAddress });

describe("login", () => {
  it("logs in with password and TOTP and answers the user, a CSRF token and a strict http-only cookie", async () => {
    const response = await loginAs({
      username: "intake",
      password: demoPassword,
      totp: await t.totp("intake"),
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user).toMatchObject({
      username: "intake",
      displayName: "Iris de Vries",
      roles: ["intake-worker"],
    });
    expect(body.user.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.user.organisationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(32);
    const cookie = response.cookies.find((c) => c.name === "schakel_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect(cookie?.value.length).toBeGreaterThanOrEqual(32);
  });

  it("asks for the second factor when the password is right and the code is missing", async () => {
    const response = await loginAs({ username: "intake", password: demoPassword });
    expect(response.statusCode).toBe(401);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().type).toMatch(/\/totp-required$/);
    expect(response.cookies).toHaveLength(0);
  });

  it("counts a right password without its code as a failure until the code is given", async () => {
    const other = "10.3.0.1";
    for (let i = 0; i < 4; i++) {
      const step = await loginAs({ username: "lt.deventer", password: demoPassword }, other);
      expect(step.json().type).toMatch(/\/totp-required$/);
    }
    // The fifth attempt is still allowed and, with the code, gets in and clears the count.
    const withCode = await loginAs(
      { username: "lt.deventer", password: demoPassword, totp: await t.totp("lt.deventer") },
      other,
    );
    expect(withCode.statusCode).toBe(200);
    for (let i = 0; i < 5; i++) {
      await loginAs({ username: "lt.deventer", password: demoPassword }, other);
    }
    const blocked = await loginAs(
      { username: "lt.deventer", password: demoPassword, totp: await t.totp("lt.deventer") },
      other,
    );
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(800);
    // Lifted again for the tests after this one.
    await t.database.db.delete(loginThrottle).where(eq(loginThrottle.key, accountKey("lt.deventer")));
  });

  it("refuses a wrong TOTP code with its own problem type", async () => {
    const code = await currentTotp(demoTotpSecret);
    const wrong = code === "000000" ? "111111" : "000000";
    const response = await loginAs({ username: "centre.worker", password: demoPassword, totp: wrong });
    expect(response.statusCode).toBe(401);
    expect(response.json().type).toMatch(/\/totp-invalid$/);
  });

  it("accepts a code once: the same code again is refused (RFC 6238 5.2)", async () => {
    const code = await t.totp("mda");
    const first = await loginAs({ username: "mda", password: demoPassword, totp: code });
    expect(first.statusCode).toBe(200);
    const replay = await loginAs({ username: "mda", password: demoPassword, totp: code }, "10.0.0.9");
    expect(replay.statusCode).toBe(401);
    expect(replay.json().type).toMatch(/\/totp-invalid$/);
    // A later code of the same account still works.
    const next = await loginAs({
      username: "mda",
      password: demoPassword,
      totp: await t.totp("mda"),
    });
    expect(next.statusCode).toBe(200);
  });

  it("gives the same answer for an unknown user as for a wrong password", async () => {
    const unknown = await loginAs({ username: "nobody-here", password: "whatever-it-is" }, "10.0.0.2");
    const wrong = await loginAs({ username: "police", password: "not-the-password" }, "10.0.0.2");
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
    expect(unknown.json().type).toMatch(/\/invalid-credentials$/);
  });

  it("does not ask an unknown user for a second factor", async () => {
    const response = await loginAs({ username: "ghost", password: demoPassword }, "10.0.0.3");
    expect(response.json().type).toMatch(/\/invalid-credentials$/);
  });

  it("rejects unknown fields and lists every invalid field at once", async () => {
    const response = await loginAs({ username: "", password: "", totp: "12ab", remember: true });
    expect(response.statusCode).toBe(400);
    const paths = (response.json().errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(expect.arrayContaining(["password", "totp", "username"]));
    expect(response.json().errors.length).toBeGreaterThanOrEqual(4);
  });

  it("audits successful and failed logins", async () => {
    await loginAs({ username: "shelter", password: "wrong-password-here" }, "10.0.0.4");
    const privacy = await t.login("privacy");
    const shelter = await t.login("shelter");
    const log = await privacy.get(`/api/v1/audit?userId=${shelter.userId}`);
    expect(log.statusCode).toBe(200);
    const outcomes = (log.json().items as { action: string; outcome: string; remoteAddress: string }[])
      .filter((e) => e.action === "auth.login")
      .map((e) => `${e.outcome}@${e.remoteAddress}`);
    expect(outcomes).toEqual(["success@127.0.0.1", "failure@10.0.0.4"]);
  });
});

describe("sessions", () => {
  it("answers /auth/me with the session's user and 401 without a session", async () => {
    const s = await t.login("lt.zwolle");
    const me = await s.get("/api/v1/auth/me");
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { username: "lt.zwolle", roles: ["case-worker"] },
      csrfToken: s.csrfToken,
    });
    const anonymous = await t.app.inject({ method: "GET", url: "/api/v1/auth/me" });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers["content-type"]).toContain("application/problem+json");
  });

  it("ends the session on logout", async () => {
    const s = await t.login("lt.deventer");
    const out = await s.post("/api/v1/auth/logout");
    expect(out.statusCode).toBe(204);
    expect((await s.get("/api/v1/auth/me")).statusCode).toBe(401);
  });

  it("expires a session left idle past the idle timeout", async () => {
    const s = await t.login("mda");
    await t.database.db.execute(
      sql`update sessions set last_seen_at = now() - interval '16 minutes' where revoked_at is null and user_id = ${s.userId}`,
    );
    expect((await s.get("/api/v1/auth/me")).statusCode).toBe(401);
  });

  it("expires a session past its absolute lifetime even when in use", async () => {
    const s = await t.login("policy.zwolle");
    await t.database.db.execute(
      sql`update sessions set expires_at = now() - interval '1 second' where user_id = ${s.userId}`,
    );
    expect((await s.get("/api/v1/auth/me")).statusCode).toBe(401);
  });

  it("tells the client the idle timeout and the absolute end, and /auth/me starts the idle time again", async () => {
    const s = await t.login("policy.zwolle");
    await t.database.db.execute(
      sql`update sessions set last_seen_at = now() - interval '14 minutes' where revoked_at is null and user_id = ${s.userId}`,
    );
    const me = await s.get("/api/v1/auth/me");
    expect(me.statusCode).toBe(200);
    const { session } = me.json();
    expect(session.idleTimeoutSeconds).toBe(15 * 60);
    expect(session.expiresInSeconds).toBeGreaterThan(10 * 3600 - 60);
    expect(session.expiresInSeconds).toBeLessThanOrEqual(10 * 3600);
    expect(Date.parse(session.expiresAt)).toBeGreaterThan(Date.now() + 9 * 3600_000);
    const rows = await t.database.raw.query<{ idle: number }>(
      "select extract(epoch from now() - last_seen_at)::float as idle from sessions where user_id = $1 and revoked_at is null and expires_at > now()",
      [s.userId],
    );
    expect(rows.every((row) => row.idle < 5)).toBe(true);
  });

  it("stores only a hash of the session token", async () => {
    const s = await t.login("admin");
    const token = s.cookie.split("=")[1] ?? "";
    const rows = await t.database.raw.query<{ n: number }>(
      "select count(*)::int as n from sessions where id = $1",
      [token],
    );
    expect(rows[0]?.n).toBe(0);
  });
});

describe("CSRF", () => {
  it("refuses a mutation without the X-CSRF-Token header", async () => {
    const s = await t.login("police");
    const response = await s.request("POST", "/api/v1/auth/logout", undefined, { "x-csrf-token": "" });
    expect(response.statusCode).toBe(403);
    expect(response.json().type).toMatch(/\/csrf$/);
    const wrong = await s.request("POST", "/api/v1/auth/logout", undefined, {
      "x-csrf-token": "x".repeat(43),
    });
    expect(wrong.statusCode).toBe(403);
    expect((await s.get("/api/v1/auth/me")).statusCode).toBe(200);
  });
});

describe("throttling", () => {
  it("blocks an account after repeated failures, even for the right password, with Retry-After", async () => {
    for (let i = 0; i < 5; i++) {
      const r = await loginAs({ username: "policy.region", password: `wrong-${i}-password` }, `10.1.0.${i}`);
      expect(r.statusCode).toBe(401);
    }
    const right = await loginAs(
      { username: "policy.region", password: demoPassword, totp: await t.totp("policy.region") },
      "10.1.0.99",
    );
    expect(right.statusCode).toBe(429);
    expect(right.json().type).toMatch(/\/too-many-attempts$/);
    expect(Number(right.headers["retry-after"])).toBeGreaterThan(800);
  });

  it("blocks an address that tries many accounts", async () => {
    for (let i = 0; i < 20; i++) {
      await loginAs({ username: `someone-${i}`, password: "guessing-passwords" }, "10.2.0.1");
    }
    const next = await loginAs(
      // Blocked before the code is looked at.
      { username: "intake", password: demoPassword, totp: "000000" },
      "10.2.0.1",
    );
    expect(next.statusCode).toBe(429);
    const elsewhere = await loginAs(
      { username: "intake", password: demoPassword, totp: await t.totp("intake") },
      "10.2.0.2",
    );
    expect(elsewhere.statusCode).toBe(200);
  });
});
