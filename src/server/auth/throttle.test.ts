import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test-support/database.ts";
import {
  accountKey,
  readThrottle,
  recordMissingSecondFactor,
  reserveAttempt,
  retryAfterSeconds,
  settleSuccess,
  throttleKeys,
} from "./throttle.ts";

const t0 = new Date("2026-03-02T09:00:00Z");
const minutes = (m: number) => new Date(t0.getTime() + m * 60_000);
const limits = { maxFailuresPerAccount: 3, maxFailuresPerAddress: 5, blockMinutes: 15 };

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase({ demoData: false });
});
afterAll(() => test.dispose());

const stateOf = async (key: string) => (await readThrottle(test.database.db, [key])).get(key);

describe("login throttling in the database", () => {
  it("counts attempts up to the limit, then refuses and blocks the key for the block time", async () => {
    const keys = throttleKeys("limit-one", "10.9.0.1");
    const db = test.database.db;
    expect(await reserveAttempt(db, keys, limits, t0)).toBe(true);
    expect(await reserveAttempt(db, keys, limits, minutes(1))).toBe(true);
    expect(retryAfterSeconds(await stateOf(keys.account), minutes(1))).toBe(0);
    expect(await reserveAttempt(db, keys, limits, minutes(2))).toBe(true);
    expect(await reserveAttempt(db, keys, limits, minutes(3))).toBe(false);
    const account = await stateOf(keys.account);
    expect(account?.failures).toBe(3);
    expect(retryAfterSeconds(account, minutes(2))).toBe(15 * 60);
    expect(retryAfterSeconds(account, minutes(16))).toBe(60);
    // A refused attempt is not counted on the address either.
    expect((await stateOf(keys.address))?.failures).toBe(3);
    expect(await reserveAttempt(db, keys, limits, minutes(16))).toBe(false);
    expect(await reserveAttempt(db, keys, limits, minutes(17))).toBe(true);
    expect((await stateOf(keys.account))?.failures).toBe(1);
  });

  it("starts counting afresh once the window has passed", async () => {
    const keys = throttleKeys("window", "10.9.0.2");
    const db = test.database.db;
    await reserveAttempt(db, keys, limits, t0);
    await reserveAttempt(db, keys, limits, minutes(1));
    await reserveAttempt(db, keys, limits, minutes(20));
    const account = await stateOf(keys.account);
    expect(account?.failures).toBe(1);
    expect(account?.windowStartedAt).toEqual(minutes(20));
  });

  it("reserves no more than the limit of forty parallel attempts", async () => {
    const keys = throttleKeys("parallel", "10.9.0.3");
    const results = await Promise.all(
      Array.from({ length: 40 }, () => reserveAttempt(test.database.db, keys, limits, t0)),
    );
    expect(results.filter(Boolean)).toHaveLength(3);
    expect((await stateOf(keys.account))?.failures).toBe(3);
    expect((await stateOf(keys.address))?.failures).toBe(3);
  });

  it("refuses on a blocked address without counting on the account", async () => {
    const db = test.database.db;
    for (let i = 0; i < 5; i++) {
      expect(await reserveAttempt(db, throttleKeys(`user-${i}`, "10.9.0.4"), limits, t0)).toBe(true);
    }
    const next = throttleKeys("user-next", "10.9.0.4");
    expect(await reserveAttempt(db, next, limits, t0)).toBe(false);
    expect(await stateOf(next.account)).toBeUndefined();
  });

  it("after a success clears the account and gives the address back this attempt and the missing codes", async () => {
    const db = test.database.db;
    const keys = throttleKeys("two-steps", "10.9.0.5");
    await reserveAttempt(db, throttleKeys("someone-else", "10.9.0.5"), limits, t0);
    // Step one: the right password without the code; a failure until the code comes.
    await reserveAttempt(db, keys, limits, t0);
    await recordMissingSecondFactor(db, keys, limits.blockMinutes, t0);
    expect((await stateOf(keys.account))?.failures).toBe(1);
    expect((await stateOf(keys.address))?.failures).toBe(2);
    // Step two: password and code.
    await reserveAttempt(db, keys, limits, minutes(1));
    expect((await stateOf(keys.address))?.failures).toBe(3);
    await settleSuccess(db, keys, limits, minutes(1));
    expect(await stateOf(keys.account)).toBeUndefined();
    expect(await stateOf(keys.secondFactor)).toBeUndefined();
    // Only the other account's failure is left.
    expect((await stateOf(keys.address))?.failures).toBe(1);
  });

  it("lifts an address block that the succeeding attempt itself set", async () => {
    const db = test.database.db;
    for (let i = 0; i < 4; i++) {
      await reserveAttempt(db, throttleKeys(`guess-${i}`, "10.9.0.6"), limits, t0);
    }
    const keys = throttleKeys("last-one", "10.9.0.6");
    expect(await reserveAttempt(db, keys, limits, t0)).toBe(true);
    expect(retryAfterSeconds(await stateOf(keys.address), t0)).toBeGreaterThan(0);
    await settleSuccess(db, keys, limits, t0);
    const address = await stateOf(keys.address);
    expect(address?.failures).toBe(4);
    expect(retryAfterSeconds(address, t0)).toBe(0);
  });

  it("keys an account by a hash of the case-insensitive username", () => {
    expect(accountKey(" Intake ")).toBe(accountKey("intake"));
    expect(accountKey("intake")).not.toContain("intake");
    expect(throttleKeys("Intake", "10.0.0.1").secondFactor).not.toContain("ntake");
  });
});
