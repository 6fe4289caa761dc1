import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestApp, demoPassword, type TestApp } from "../test-support/app.ts";
import type * as passwords from "./passwords.ts";

// Every password check the login makes, known account or not, with the password it checked. A
// gate can hold the checks open, so that a test sees what happens while they are in flight.
const checks = vi.hoisted(() => ({
  passwords: [] as string[],
  gate: null as Promise<void> | null,
}));
vi.mock("./passwords.ts", async (importOriginal) => {
  const original = await importOriginal<typeof passwords>();
  return {
    ...original,
    verifyPassword: async (hash: string, password: string) => {
      checks.passwords.push(password);
      await checks.gate;
      return original.verifyPassword(hash, password);
    },
    verifyAgainstDummy: async (password: string) => {
      checks.passwords.push(password);
      await checks.gate;
      return original.verifyAgainstDummy(password);
    },
  };
});

let t: TestApp;
beforeAll(async () => {
  // A small address limit, so that the address tests stay short.
  t = await createTestApp({ LOGIN_MAX_FAILURES_PER_ADDRESS: "8" });
});
afterAll(() => t.close());
beforeEach(() => {
  checks.passwords = [];
  checks.gate = null;
});

const loginAs = (payload: Record<string, unknown>, remoteAddress: string) =>
  t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload, remoteAddress });

const wrong = (i: number) => `wrong-password-${i}`;

async function loginOutcomes(username: string): Promise<string[]> {
  const rows = await t.database.raw.query<{ outcome: string }>(
    `select a.outcome from audit_entries a join users u on u.id = a.user_id
      where a.action = 'auth.login' and u.username = $1 order by a.seq`,
    [username],
  );
  return rows.map((row) => row.outcome);
}

/** Opens the gate once `count` checks are in flight; answers the release. */
function holdChecks(): () => void {
  let release = () => {};
  checks.gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  return release;
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 500 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe("login throttling under parallel requests", () => {
  it("makes at most five password checks of forty parallel wrong passwords, then blocks the account", async () => {
    const limit = t.config.loginThrottle.maxFailuresPerAccount;
    expect(limit).toBe(5);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        loginAs({ username: "policy.region", password: wrong(i) }, `10.4.${i}.1`),
      ),
    );
    expect(checks.passwords.length).toBeLessThanOrEqual(limit);
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(checks.passwords.length);
    expect(statuses.filter((status) => status === 429)).toHaveLength(40 - checks.passwords.length);
    // Every answer was audited: the checked ones as failures, the others as denied.
    const outcomes = await loginOutcomes("policy.region");
    expect(outcomes.filter((o) => o === "failure")).toHaveLength(checks.passwords.length);
    expect(outcomes.filter((o) => o === "denied")).toHaveLength(40 - checks.passwords.length);

    const right = await loginAs(
      { username: "policy.region", password: demoPassword, totp: await t.totp("policy.region") },
      "10.4.99.1",
    );
    expect(right.statusCode).toBe(429);
    expect(right.json().type).toMatch(/\/too-many-attempts$/);
    expect(Number(right.headers["retry-after"])).toBeGreaterThan(800);
    expect(checks.passwords).not.toContain(demoPassword);
  });

  it("counts attempts whose check is still running: the right password sent meanwhile does not get in", async () => {
    const release = holdChecks();
    const wrongOnes = Array.from({ length: 40 }, (_, i) =>
      loginAs({ username: "policy.zwolle", password: wrong(i) }, `10.5.${i}.1`),
    );
    await until(() => checks.passwords.length >= 5);
    // Five checks are in flight, none has failed yet: the limit is reached all the same.
    const right = await loginAs(
      { username: "policy.zwolle", password: demoPassword, totp: await t.totp("policy.zwolle") },
      "10.5.99.1",
    );
    expect(right.statusCode).toBe(429);
    expect(right.headers["retry-after"]).toMatch(/^\d+$/);
    release();
    const answers = await Promise.all(wrongOnes);
    expect(checks.passwords).toHaveLength(5);
    expect(checks.passwords).not.toContain(demoPassword);
    expect(answers.filter((answer) => answer.statusCode === 401)).toHaveLength(5);
    expect(answers.filter((answer) => answer.statusCode === 429)).toHaveLength(35);
  });

  it("lets the right password mixed among forty wrong ones in only when it was among the first five checked", async () => {
    const release = holdChecks();
    const code = await t.totp("mda");
    const sent = Array.from({ length: 41 }, (_, i) =>
      i === 20
        ? loginAs({ username: "mda", password: demoPassword, totp: code }, "10.6.20.1")
        : loginAs({ username: "mda", password: wrong(i) }, `10.6.${i}.1`),
    );
    await until(() => checks.passwords.length >= 5);
    release();
    const answers = await Promise.all(sent);
    expect(checks.passwords.length).toBeLessThanOrEqual(5);
    const rightChecked = checks.passwords.includes(demoPassword);
    expect(answers[20]?.statusCode).toBe(rightChecked ? 200 : 429);
    const wrongChecked = checks.passwords.filter((password) => password !== demoPassword).length;
    expect(wrongChecked).toBeLessThanOrEqual(rightChecked ? 4 : 5);
    if (!rightChecked) {
      const again = await loginAs(
        { username: "mda", password: demoPassword, totp: await t.totp("mda") },
        "10.6.99.1",
      );
      expect(again.statusCode).toBe(429);
    }
  });

  it("makes no more password checks from one address than its limit, whatever the accounts", async () => {
    const limit = t.config.loginThrottle.maxFailuresPerAddress;
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        loginAs({ username: `guessed-${i}`, password: "guessing-passwords" }, "10.7.0.1"),
      ),
    );
    expect(checks.passwords).toHaveLength(limit);
    expect(answers.filter((answer) => answer.statusCode === 429)).toHaveLength(40 - limit);
    const right = await loginAs(
      { username: "intake", password: demoPassword, totp: await t.totp("intake") },
      "10.7.0.1",
    );
    expect(right.statusCode).toBe(429);
    expect(Number(right.headers["retry-after"])).toBeGreaterThan(800);
  });

  it("counts a right password without its code, and a burst of those, like wrong ones", async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        loginAs({ username: "lt.zwolle", password: demoPassword }, `10.8.${i}.1`),
      ),
    );
    expect(checks.passwords).toHaveLength(5);
    expect(answers.filter((answer) => answer.json().type.endsWith("/totp-required"))).toHaveLength(5);
    expect(answers.filter((answer) => answer.statusCode === 429)).toHaveLength(15);
    expect((await loginOutcomes("lt.zwolle")).filter((o) => o === "failure")).toHaveLength(5);
  });

  it("gives an address back the steps without a code of logins that completed (an office logs in in two steps)", async () => {
    // Ten two-step logins from one address: twenty attempts, more than its limit of eight.
    const users = ["police", "shelter", "admin", "privacy", "centre.worker"];
    for (const round of [1, 2]) {
      for (const username of users) {
        const first = await loginAs({ username, password: demoPassword }, "10.9.0.1");
        expect(first.json().type, `${username}, round ${round}`).toMatch(/\/totp-required$/);
        const second = await loginAs(
          { username, password: demoPassword, totp: await t.totp(username) },
          "10.9.0.1",
        );
        expect(second.statusCode, `${username}, round ${round}`).toBe(200);
      }
    }
    const left = await t.database.raw.query<{ failures: number }>(
      "select failures from login_throttle where key = 'address:10.9.0.1'",
    );
    expect(left[0]?.failures ?? 0).toBe(0);
  });
});
