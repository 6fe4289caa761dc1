import { describe, expect, it } from "vitest";
// The server's calendar is the reference: the browser's copy must count exactly as it does. Only
// this test reaches into server code; the app itself never does.
import {
  addWorkingDays as serverAddWorkingDays,
  workingDaysBetween as serverWorkingDaysBetween,
} from "../../server/calendar/working-days.ts";
import { addWorkingDays, dateInAmsterdam, deadlineState, workingDaysBetween } from "./working-days";

const noExtraDays = { extraNonWorkingDays: new Set<string>() };

function datesFrom(start: string, count: number): string[] {
  const first = Date.parse(`${start}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(first + i * 86_400_000).toISOString().slice(0, 10));
}

describe("working days in the browser", () => {
  it("skip Christmas, Boxing Day and New Year's Day", () => {
    expect(addWorkingDays("2025-12-23", 5)).toBe("2026-01-02");
    expect(workingDaysBetween("2025-12-23", "2026-01-02")).toBe(5);
  });

  it("skip King's Day on the Saturday-moved 26 April and 5 May", () => {
    // 27 April 2025 is a Sunday, so King's Day is Saturday 26 April: no working day lost.
    expect(addWorkingDays("2025-04-25", 1)).toBe("2025-04-28");
    expect(addWorkingDays("2026-04-24", 5)).toBe("2026-05-04");
  });

  it("agree with the server's calendar on every start date of three years and spans up to 30 days", () => {
    const mismatches: string[] = [];
    for (const start of datesFrom("2025-01-01", 3 * 366)) {
      for (const n of [0, 1, 5, 12]) {
        const ours = addWorkingDays(start, n);
        const theirs = serverAddWorkingDays(start, n, noExtraDays);
        if (ours !== theirs) {
          mismatches.push(`${start} + ${n}: ${ours} ≠ ${theirs}`);
        }
      }
      for (const end of datesFrom(start, 30).filter((_, i) => i % 7 === 3)) {
        const ours = workingDaysBetween(start, end);
        const theirs = serverWorkingDaysBetween(start, end, noExtraDays);
        if (ours !== theirs) {
          mismatches.push(`${start} → ${end}: ${ours} ≠ ${theirs}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("classifies a deadline as overdue, today or a number of working days away", () => {
    expect(deadlineState("2026-11-20", "2026-11-23")).toEqual({ kind: "overdue" });
    expect(deadlineState("2026-11-23", "2026-11-23")).toEqual({ kind: "today" });
    expect(deadlineState("2026-11-30", "2026-11-23")).toEqual({ kind: "upcoming", workingDaysLeft: 5 });
    expect(deadlineState("2026-12-28", "2026-12-24")).toEqual({ kind: "upcoming", workingDaysLeft: 1 });
  });

  it("takes the date of receipt in Amsterdam, not in UTC", () => {
    expect(dateInAmsterdam(new Date("2026-03-01T23:30:00Z"))).toBe("2026-03-02");
    expect(dateInAmsterdam(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01");
  });
});
