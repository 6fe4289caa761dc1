import { describe, expect, it } from "vitest";
import { dayOfWeek, easterSunday, isPublicHoliday, publicHolidays, toDayNumber } from "./dutch-holidays.ts";

// Written out by hand from the Easter dates (Ascension = Easter + 39, Whit Monday = Easter + 50)
// and the weekday of 27 April; only 2025 has 27 April on a Sunday in this range.
const expected: Record<number, Record<string, string>> = {
  2024: {
    "New Year's Day": "2024-01-01",
    "Good Friday": "2024-03-29",
    "Easter Monday": "2024-04-01",
    "King's Day": "2024-04-27",
    "Liberation Day": "2024-05-05",
    "Ascension Day": "2024-05-09",
    "Whit Monday": "2024-05-20",
    "Christmas Day": "2024-12-25",
    "Boxing Day": "2024-12-26",
  },
  2025: {
    "New Year's Day": "2025-01-01",
    "Good Friday": "2025-04-18",
    "Easter Monday": "2025-04-21",
    "King's Day": "2025-04-26",
    "Liberation Day": "2025-05-05",
    "Ascension Day": "2025-05-29",
    "Whit Monday": "2025-06-09",
    "Christmas Day": "2025-12-25",
    "Boxing Day": "2025-12-26",
  },
  2026: {
    "New Year's Day": "2026-01-01",
    "Good Friday": "2026-04-03",
    "Easter Monday": "2026-04-06",
    "King's Day": "2026-04-27",
    "Liberation Day": "2026-05-05",
    "Ascension Day": "2026-05-14",
    "Whit Monday": "2026-05-25",
    "Christmas Day": "2026-12-25",
    "Boxing Day": "2026-12-26",
  },
  2027: {
    "New Year's Day": "2027-01-01",
    "Good Friday": "2027-03-26",
    "Easter Monday": "2027-03-29",
    "King's Day": "2027-04-27",
    "Liberation Day": "2027-05-05",
    "Ascension Day": "2027-05-06",
    "Whit Monday": "2027-05-17",
    "Christmas Day": "2027-12-25",
    "Boxing Day": "2027-12-26",
  },
  2028: {
    "New Year's Day": "2028-01-01",
    "Good Friday": "2028-04-14",
    "Easter Monday": "2028-04-17",
    "King's Day": "2028-04-27",
    "Liberation Day": "2028-05-05",
    "Ascension Day": "2028-05-25",
    "Whit Monday": "2028-06-05",
    "Christmas Day": "2028-12-25",
    "Boxing Day": "2028-12-26",
  },
  2029: {
    "New Year's Day": "2029-01-01",
    "Good Friday": "2029-03-30",
    "Easter Monday": "2029-04-02",
    "King's Day": "2029-04-27",
    "Liberation Day": "2029-05-05",
    "Ascension Day": "2029-05-10",
    "Whit Monday": "2029-05-21",
    "Christmas Day": "2029-12-25",
    "Boxing Day": "2029-12-26",
  },
  2030: {
    "New Year's Day": "2030-01-01",
    "Good Friday": "2030-04-19",
    "Easter Monday": "2030-04-22",
    "King's Day": "2030-04-27",
    "Liberation Day": "2030-05-05",
    "Ascension Day": "2030-05-30",
    "Whit Monday": "2030-06-10",
    "Christmas Day": "2030-12-25",
    "Boxing Day": "2030-12-26",
  },
};

const easter: Record<number, string> = {
  2024: "2024-03-31",
  2025: "2025-04-20",
  2026: "2026-04-05",
  2027: "2027-03-28",
  2028: "2028-04-16",
  2029: "2029-04-01",
  2030: "2030-04-21",
};

const weekdayOf = (date: string) => dayOfWeek(date);

describe("easterSunday", () => {
  it.each(Object.entries(easter))("puts Easter %s on %s, a Sunday", (year, date) => {
    expect(easterSunday(Number(year))).toBe(date);
    expect(weekdayOf(date)).toBe(0);
  });

  it("gets the extremes of the Gregorian Easter range right", () => {
    expect(easterSunday(2285)).toBe("2285-03-22");
    expect(easterSunday(2038)).toBe("2038-04-25");
    expect(easterSunday(2019)).toBe("2019-04-21");
  });
});

describe("publicHolidays", () => {
  it.each(Object.keys(expected))("lists exactly the nine holidays of %s on their dates", (year) => {
    const holidays = publicHolidays(Number(year));
    expect(Object.fromEntries(holidays.map((h) => [h.name, h.date]))).toEqual(expected[Number(year)]);
    expect(holidays).toHaveLength(9);
  });

  it("lists the holidays in date order", () => {
    for (const year of Object.keys(expected)) {
      const dates = publicHolidays(Number(year)).map((h) => h.date);
      expect(dates).toEqual([...dates].sort());
    }
  });

  it("moves King's Day to Saturday 26 April when 27 April is a Sunday (2025 and 2031), and only then", () => {
    expect(weekdayOf("2025-04-27")).toBe(0);
    expect(weekdayOf("2031-04-27")).toBe(0);
    expect(publicHolidays(2031).find((h) => h.name === "King's Day")?.date).toBe("2031-04-26");
    for (const year of [2024, 2026, 2027, 2028, 2029, 2030]) {
      expect(weekdayOf(`${year}-04-27`)).not.toBe(0);
    }
  });

  it("puts Good Friday on a Friday, Easter and Whit Monday on Mondays and Ascension on a Thursday", () => {
    for (const year of Object.keys(expected)) {
      const byName = expected[Number(year)] ?? {};
      expect(weekdayOf(byName["Good Friday"] ?? "")).toBe(5);
      expect(weekdayOf(byName["Easter Monday"] ?? "")).toBe(1);
      expect(weekdayOf(byName["Whit Monday"] ?? "")).toBe(1);
      expect(weekdayOf(byName["Ascension Day"] ?? "")).toBe(4);
    }
  });

  it("gives Dutch names beside the English ones", () => {
    expect(publicHolidays(2026).map((h) => h.nameNl)).toEqual([
      "Nieuwjaarsdag",
      "Goede Vrijdag",
      "Tweede Paasdag",
      "Koningsdag",
      "Bevrijdingsdag",
      "Hemelvaartsdag",
      "Tweede Pinksterdag",
      "Eerste Kerstdag",
      "Tweede Kerstdag",
    ]);
  });

  it("keeps 5 May every year, not only in lustrum years", () => {
    expect(isPublicHoliday("2026-05-05")).toBe(true);
    expect(isPublicHoliday("2027-05-05")).toBe(true);
  });

  it("does not list Easter Sunday or Whit Sunday, which are Sundays anyway", () => {
    expect(isPublicHoliday("2026-04-05")).toBe(false);
    expect(isPublicHoliday("2026-05-24")).toBe(false);
  });

  it("returns copies, so a caller cannot change the cached list", () => {
    const first = publicHolidays(2026);
    (first[0] as { date: string }).date = "2026-01-02";
    expect(publicHolidays(2026)[0]?.date).toBe("2026-01-01");
  });

  it("refuses years before King's Day existed", () => {
    expect(() => publicHolidays(2013)).toThrow(RangeError);
    expect(() => isPublicHoliday("2013-04-30")).toThrow(RangeError);
  });
});

describe("toDayNumber", () => {
  it("counts days from 1970-01-01", () => {
    expect(toDayNumber("1970-01-01")).toBe(0);
    expect(toDayNumber("1970-01-02")).toBe(1);
    expect(toDayNumber("1969-12-31")).toBe(-1);
  });

  it.each(["2026-02-29", "2026-13-01", "2026-00-10", "2026-4-1", "2026-04-01T00:00", "", "not a date"])(
    "rejects %j",
    (value) => {
      expect(() => toDayNumber(value)).toThrow(RangeError);
    },
  );
});
