import { describe, expect, it } from "vitest";
import { calendarDaysBetween, latenessOf } from "./lateness.ts";

describe("calendarDaysBetween", () => {
  it.each([
    ["2026-03-02", "2026-03-02", 0],
    ["2026-03-02", "2026-05-11", 70],
    ["2026-03-28", "2026-03-30", 2], // across the change to summer time
    ["2026-10-24", "2026-10-26", 2], // and back
    ["2024-02-28", "2024-03-01", 2], // leap day
    ["2026-05-11", "2026-03-02", -70],
  ])("from %s to %s is %i days", (from, to, days) => {
    expect(calendarDaysBetween(from, to)).toBe(days);
  });
});

describe("latenessOf", () => {
  it("has no lateness without a due date (a trajectory not started)", () => {
    expect(latenessOf(null, null, "2026-06-01")).toEqual({
      dueOn: null,
      overdue: false,
      daysLate: 0,
      daysLeft: null,
    });
  });

  it("counts the days left while open and on time", () => {
    expect(latenessOf("2026-05-11", null, "2026-05-01")).toEqual({
      dueOn: "2026-05-11",
      overdue: false,
      daysLate: 0,
      daysLeft: 10,
    });
  });

  it("is not overdue on the due date itself", () => {
    expect(latenessOf("2026-05-11", null, "2026-05-11")).toMatchObject({ overdue: false, daysLeft: 0 });
  });

  it("is overdue, and counts the days late, after the due date", () => {
    expect(latenessOf("2026-05-11", null, "2026-05-14")).toMatchObject({
      overdue: true,
      daysLate: 3,
      daysLeft: 0,
    });
  });

  it("keeps the lateness after the step is done: done 3 days late stays 3 days late", () => {
    expect(latenessOf("2026-05-11", "2026-05-14", "2026-09-01")).toEqual({
      dueOn: "2026-05-11",
      overdue: false,
      daysLate: 3,
      daysLeft: null,
    });
  });

  it("is not late when done early", () => {
    expect(latenessOf("2026-05-11", "2026-05-01", "2026-09-01")).toMatchObject({ daysLate: 0 });
  });
});
