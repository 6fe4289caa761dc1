import { describe, expect, it } from "vitest";
import { sessionClockOf, sessionPhaseAt } from "./session-clock";

const t0 = Date.parse("2026-03-02T09:00:00Z");
const seconds = (s: number) => t0 + s * 1000;

describe("the session clock", () => {
  const clock = sessionClockOf(
    { idleTimeoutSeconds: 15 * 60, expiresAt: "", expiresInSeconds: 10 * 3600 },
    t0,
  );

  it("warns a minute before the idle end, counted from the last request less the server's slack", () => {
    // 15 minutes idle, a minute of slack: the session surely lasts 14 minutes after a request.
    expect(sessionPhaseAt(clock, t0, seconds(12 * 60 + 59)).phase).toBe("active");
    expect(sessionPhaseAt(clock, t0, seconds(13 * 60))).toEqual({
      phase: "warning",
      endsAt: seconds(14 * 60),
      extendable: true,
    });
    expect(sessionPhaseAt(clock, t0, seconds(14 * 60)).phase).toBe("ended");
  });

  it("starts again with every request", () => {
    expect(sessionPhaseAt(clock, seconds(600), seconds(13 * 60 + 30)).phase).toBe("active");
  });

  it("offers no staying logged in when the absolute end comes first", () => {
    const late = sessionClockOf({ idleTimeoutSeconds: 15 * 60, expiresAt: "", expiresInSeconds: 300 }, t0);
    expect(sessionPhaseAt(late, seconds(200), seconds(250))).toEqual({
      phase: "warning",
      endsAt: seconds(300),
      extendable: false,
    });
  });

  it("warns halfway for a very short timeout", () => {
    const short = sessionClockOf({ idleTimeoutSeconds: 30, expiresAt: "", expiresInSeconds: 3600 }, t0);
    // 30 s idle, 3 s slack: 27 s for sure, the warning after 13.5 s.
    expect(sessionPhaseAt(short, t0, seconds(13)).phase).toBe("active");
    expect(sessionPhaseAt(short, t0, seconds(14)).phase).toBe("warning");
    expect(sessionPhaseAt(short, t0, seconds(27)).phase).toBe("ended");
  });
});
