import { describe, expect, it } from "vitest";
import { deadlineState } from "./working-days";

describe("deadline badges", () => {
  it("say overdue, today, or the working days left with holidays skipped", () => {
    expect(deadlineState("2026-05-04", "2026-05-05")).toEqual({ kind: "overdue" });
    expect(deadlineState("2026-05-04", "2026-05-04")).toEqual({ kind: "today" });
    // Friday 24 April 2026 to Monday 4 May: King's Day (27 April) does not count.
    expect(deadlineState("2026-05-04", "2026-04-24")).toEqual({ kind: "upcoming", workingDaysLeft: 5 });
  });
});
