import { describe, expect, it } from "vitest";
import { calendarDaysLeft, deadlineState } from "./working-days";

describe("a restraining order's days left", () => {
  it("counts calendar days, weekends and holidays included (the badge said working days before)", () => {
    // Imposed Friday 24 April 2026 for 10 days: the last day is Sunday 3 May; King's Day lies in between.
    expect(calendarDaysLeft("2026-04-24", "2026-05-03")).toBe(10);
    expect(calendarDaysLeft("2026-04-25", "2026-05-03")).toBe(9);
    expect(calendarDaysLeft("2026-05-03", "2026-05-03")).toBe(1);
    // Counting working days would have said fewer: the weekends and 27 April do not count.
    const state = deadlineState("2026-05-03", "2026-04-24");
    expect(state).toEqual({ kind: "upcoming", workingDaysLeft: expect.any(Number) });
    expect(state.kind === "upcoming" && state.workingDaysLeft).toBeLessThan(9);
  });

  it("crosses the change to summer time without losing a day", () => {
    expect(calendarDaysLeft("2026-03-27", "2026-04-05")).toBe(10);
  });
});
