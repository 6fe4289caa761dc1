import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromDayNumber, toDayNumber } from "./dutch-holidays.ts";
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  dateInAmsterdam,
  isWorkingDay,
  type WorkingDayCalendar,
  workingDaysBetween,
} from "./working-days.ts";

const plain: WorkingDayCalendar = { extraNonWorkingDays: new Set() };
// 2026-05-15 is the Friday after Ascension Day 2026, the kind of day a decree designates.
const withBridgeDay: WorkingDayCalendar = { extraNonWorkingDays: new Set(["2026-05-15"]) };

describe("isWorkingDay", () => {
  it("counts Monday to Friday and not the weekend", () => {
    expect(isWorkingDay("2026-03-02", plain)).toBe(true);
    expect(isWorkingDay("2026-03-06", plain)).toBe(true);
    expect(isWorkingDay("2026-03-07", plain)).toBe(false);
    expect(isWorkingDay("2026-03-08", plain)).toBe(false);
  });

  it("excludes public holidays on weekdays", () => {
    expect(isWorkingDay("2026-04-03", plain)).toBe(false);
    expect(isWorkingDay("2026-04-27", plain)).toBe(false);
    expect(isWorkingDay("2026-05-05", plain)).toBe(false);
  });

  it("excludes a designated day only when the calendar lists it", () => {
    expect(isWorkingDay("2026-05-15", plain)).toBe(true);
    expect(isWorkingDay("2026-05-15", withBridgeDay)).toBe(false);
  });
});

describe("addWorkingDays", () => {
  it("counts from the day after receipt: a Monday receipt is due the next Monday", () => {
    expect(addWorkingDays("2026-03-02", 5, plain)).toBe("2026-03-09");
  });

  it("returns the date of receipt itself for n = 0, even on a weekend or holiday", () => {
    expect(addWorkingDays("2026-03-02", 0, plain)).toBe("2026-03-02");
    expect(addWorkingDays("2026-03-07", 0, plain)).toBe("2026-03-07");
    expect(addWorkingDays("2026-12-25", 0, plain)).toBe("2026-12-25");
  });

  it("skips a weekend", () => {
    expect(addWorkingDays("2026-03-05", 2, plain)).toBe("2026-03-09");
    expect(addWorkingDays("2026-03-07", 5, plain)).toBe("2026-03-13");
  });

  it("skips King's Day", () => {
    expect(addWorkingDays("2026-04-23", 5, plain)).toBe("2026-05-01");
  });

  it("skips Good Friday, the Easter weekend and Easter Monday", () => {
    expect(addWorkingDays("2026-04-02", 5, plain)).toBe("2026-04-13");
    expect(addWorkingDays("2026-04-02", 1, plain)).toBe("2026-04-07");
  });

  it("skips 5 May in a year that is not a lustrum", () => {
    expect(addWorkingDays("2026-05-04", 5, plain)).toBe("2026-05-12");
  });

  it("skips Ascension Day and a designated Friday after it", () => {
    expect(addWorkingDays("2026-05-13", 5, plain)).toBe("2026-05-21");
    expect(addWorkingDays("2026-05-13", 5, withBridgeDay)).toBe("2026-05-22");
  });

  it("skips Christmas and New Year's Day across the turn of the year", () => {
    expect(addWorkingDays("2026-12-24", 5, plain)).toBe("2027-01-04");
  });

  it("skips King's Day moved to Saturday without losing a working day (2025)", () => {
    expect(addWorkingDays("2025-04-24", 2, plain)).toBe("2025-04-28");
  });

  it.each([-1, 1.5, Number.NaN])("refuses n = %d", (n) => {
    expect(() => addWorkingDays("2026-03-02", n, plain)).toThrow(RangeError);
  });
});

describe("workingDaysBetween", () => {
  it("counts the working days after `from` up to and including `to`", () => {
    expect(workingDaysBetween("2026-03-02", "2026-03-09", plain)).toBe(5);
    expect(workingDaysBetween("2026-03-07", "2026-03-09", plain)).toBe(1);
    expect(workingDaysBetween("2026-03-06", "2026-03-08", plain)).toBe(0);
  });

  it("is zero for the same day", () => {
    expect(workingDaysBetween("2026-03-02", "2026-03-02", plain)).toBe(0);
    expect(Object.is(workingDaysBetween("2026-03-07", "2026-03-08", plain), 0)).toBe(true);
    expect(Object.is(workingDaysBetween("2026-03-08", "2026-03-07", plain), 0)).toBe(true);
  });

  it("is negative when `to` lies before `from`", () => {
    expect(workingDaysBetween("2026-03-09", "2026-03-02", plain)).toBe(-5);
  });

  it("says how many working days a deadline is overdue, not counting holidays", () => {
    expect(workingDaysBetween("2026-04-02", "2026-04-07", plain)).toBe(1);
    expect(workingDaysBetween("2026-05-13", "2026-05-18", withBridgeDay)).toBe(1);
    expect(workingDaysBetween("2026-05-13", "2026-05-18", plain)).toBe(2);
  });
});

describe("addCalendarDays", () => {
  it("adds and subtracts calendar days across months and years", () => {
    expect(addCalendarDays("2026-03-02", 70)).toBe("2026-05-11");
    expect(addCalendarDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addCalendarDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addCalendarDays("2026-03-02", 0)).toBe("2026-03-02");
  });

  it("is not thrown off by daylight saving time", () => {
    expect(addCalendarDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addCalendarDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addCalendarDays("2026-10-25", 1)).toBe("2026-10-26");
  });
});

describe("addMonths", () => {
  it("clamps to the end of a shorter month", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2026-03-31", 1)).toBe("2026-04-30");
    expect(addMonths("2026-08-31", -6)).toBe("2026-02-28");
  });

  it("keeps the day of the month when it exists and crosses years", () => {
    expect(addMonths("2026-11-15", 3)).toBe("2027-02-15");
    expect(addMonths("2026-01-15", -1)).toBe("2025-12-15");
    expect(addMonths("2026-05-10", 12)).toBe("2027-05-10");
    expect(addMonths("2026-05-10", 0)).toBe("2026-05-10");
  });

  it("refuses an invalid date", () => {
    expect(() => addMonths("2026-02-30", 1)).toThrow(RangeError);
  });
});

describe("dateInAmsterdam", () => {
  it("takes the Amsterdam date in winter time (UTC+1)", () => {
    expect(dateInAmsterdam(new Date("2026-03-02T23:30:00Z"))).toBe("2026-03-03");
    expect(dateInAmsterdam(new Date("2026-03-02T22:59:59Z"))).toBe("2026-03-02");
    expect(dateInAmsterdam(new Date("2026-03-02T23:00:00Z"))).toBe("2026-03-03");
  });

  it("takes the Amsterdam date in summer time (UTC+2)", () => {
    expect(dateInAmsterdam(new Date("2026-07-01T21:59:59Z"))).toBe("2026-07-01");
    expect(dateInAmsterdam(new Date("2026-07-01T22:00:00Z"))).toBe("2026-07-02");
  });

  it("follows the switches to and from summer time", () => {
    expect(dateInAmsterdam(new Date("2026-03-29T21:59:00Z"))).toBe("2026-03-29");
    expect(dateInAmsterdam(new Date("2026-03-29T22:00:00Z"))).toBe("2026-03-30");
    expect(dateInAmsterdam(new Date("2026-10-25T22:59:00Z"))).toBe("2026-10-25");
    expect(dateInAmsterdam(new Date("2026-10-25T23:00:00Z"))).toBe("2026-10-26");
  });

  it("refuses an invalid Date", () => {
    expect(() => dateInAmsterdam(new Date("nonsense"))).toThrow(RangeError);
  });
});

describe("working-day properties", () => {
  const firstDay = toDayNumber("2014-01-01");
  const lastDay = toDayNumber("2040-12-31");
  const date = fc.integer({ min: firstDay, max: lastDay }).map(fromDayNumber);
  const calendar = fc
    .uniqueArray(fc.integer({ min: firstDay, max: lastDay + 200 }).map(fromDayNumber), { maxLength: 40 })
    .map((days): WorkingDayCalendar => ({ extraNonWorkingDays: new Set(days) }));
  const count = fc.integer({ min: 0, max: 80 });

  it("lands on a working day for n ≥ 1", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 80 }), calendar, (start, n, cal) => {
        expect(isWorkingDay(addWorkingDays(start, n, cal), cal)).toBe(true);
      }),
    );
  });

  it("moves strictly later as n grows", () => {
    fc.assert(
      fc.property(date, count, count, calendar, (start, a, b, cal) => {
        fc.pre(a !== b);
        const [low, high] = a < b ? [a, b] : [b, a];
        expect(addWorkingDays(start, low, cal) < addWorkingDays(start, high, cal)).toBe(true);
      }),
    );
  });

  it("is undone by workingDaysBetween", () => {
    fc.assert(
      fc.property(date, count, calendar, (start, n, cal) => {
        const due = addWorkingDays(start, n, cal);
        expect(workingDaysBetween(start, due, cal)).toBe(n);
        expect(workingDaysBetween(due, start, cal)).toBe(-n || 0);
      }),
    );
  });

  it("gives workingDaysBetween the opposite sign when the dates are exchanged", () => {
    fc.assert(
      fc.property(date, date, (a, b) => {
        expect(workingDaysBetween(a, b, plain)).toBe(-workingDaysBetween(b, a, plain) || 0);
      }),
    );
  });

  it("is undone by subtracting the same number of calendar days", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -5000, max: 5000 }), (start, n) => {
        expect(addCalendarDays(addCalendarDays(start, n), -n)).toBe(start);
      }),
    );
  });

  it("never lets addMonths change the month by more than asked or move past the original day", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -240, max: 240 }), (start, n) => {
        const result = addMonths(start, n);
        const months = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
        expect(months(result) - months(start)).toBe(n);
        expect(Number(result.slice(8, 10))).toBeLessThanOrEqual(Number(start.slice(8, 10)));
      }),
    );
  });
});

describe("workingDaysBetween against a day-by-day count", () => {
  it("agrees with counting isWorkingDay one day at a time", () => {
    const firstDay = toDayNumber("2014-01-01");
    const lastDay = toDayNumber("2032-12-31");
    const date = fc.integer({ min: firstDay, max: lastDay }).map(fromDayNumber);
    const calendar = fc
      .uniqueArray(fc.integer({ min: firstDay, max: lastDay }).map(fromDayNumber), { maxLength: 60 })
      .map(
        (days): WorkingDayCalendar => ({ extraNonWorkingDays: new Set([...days, "2026-02-30", "nonsense"]) }),
      );
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 900 }), calendar, (start, span, cal) => {
        let expected = 0;
        for (let day = toDayNumber(start) + 1; day <= toDayNumber(start) + span; day++) {
          if (isWorkingDay(fromDayNumber(day), cal)) {
            expected += 1;
          }
        }
        expect(workingDaysBetween(start, addCalendarDays(start, span), cal)).toBe(expected);
      }),
    );
  });
});
