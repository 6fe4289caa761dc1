import { describe, expect, it } from "vitest";
import { accountKey, afterFailure, retryAfterSeconds } from "./throttle.ts";

const t0 = new Date("2026-03-02T09:00:00Z");
const minutes = (m: number) => new Date(t0.getTime() + m * 60_000);

describe("login throttling", () => {
  it("blocks a key when the failures reach the limit within the window", () => {
    let state = afterFailure(undefined, t0, 3, 15);
    state = afterFailure(state, minutes(1), 3, 15);
    expect(retryAfterSeconds(state, minutes(1))).toBe(0);
    state = afterFailure(state, minutes(2), 3, 15);
    expect(state.failures).toBe(3);
    expect(retryAfterSeconds(state, minutes(2))).toBe(15 * 60);
    expect(retryAfterSeconds(state, minutes(16))).toBe(60);
    expect(retryAfterSeconds(state, minutes(17))).toBe(0);
  });

  it("starts counting afresh once the window has passed", () => {
    let state = afterFailure(undefined, t0, 3, 15);
    state = afterFailure(state, minutes(1), 3, 15);
    state = afterFailure(state, minutes(20), 3, 15);
    expect(state.failures).toBe(1);
    expect(state.windowStartedAt).toEqual(minutes(20));
  });

  it("keys an account by a hash of the case-insensitive username", () => {
    expect(accountKey(" Intake ")).toBe(accountKey("intake"));
    expect(accountKey("intake")).not.toContain("intake");
  });
});
