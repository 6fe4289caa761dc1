import { describe, expect, it } from "vitest";
import { ageOn, minorStatus } from "./minors.ts";

describe("minorStatus", () => {
  it("lets the birth date decide over what was stated", () => {
    expect(minorStatus({ birthDate: "2015-06-01", minor: "no" }, "2026-12-01")).toBe("yes");
    expect(minorStatus({ birthDate: "1990-06-01", minor: "yes" }, "2026-12-01")).toBe("no");
  });

  it("turns 18 on the birthday itself, not the day before", () => {
    expect(minorStatus({ birthDate: "2008-12-01", minor: "unknown" }, "2026-11-30")).toBe("yes");
    expect(minorStatus({ birthDate: "2008-12-01", minor: "unknown" }, "2026-12-01")).toBe("no");
  });

  it("keeps what intake stated when no birth date is known", () => {
    expect(minorStatus({ birthDate: null, minor: "yes" }, "2026-12-01")).toBe("yes");
    expect(minorStatus({ minor: "unknown" }, "2026-12-01")).toBe("unknown");
  });

  it("counts a leap-day birthday as passed on 1 March in a common year", () => {
    expect(ageOn("2008-02-29", "2026-02-28")).toBe(17);
    expect(ageOn("2008-02-29", "2026-03-01")).toBe(18);
  });
});
