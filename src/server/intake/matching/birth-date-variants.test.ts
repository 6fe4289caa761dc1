import { describe, expect, it } from "vitest";
import { birthDateVariants } from "./birth-date-variants.ts";

describe("birth date variants", () => {
  it("include the date itself, the swapped date and one-digit typos, all real dates", () => {
    const variants = birthDateVariants("1990-04-01");
    expect(variants).toContain("1990-04-01");
    expect(variants).toContain("1990-01-04");
    expect(variants).toContain("1991-04-01");
    expect(variants).toContain("1990-04-07");
    expect(variants).not.toContain("1990-04-00");
    expect(variants).not.toContain("1990-14-01");
    expect(new Set(variants).size).toBe(variants.length);
  });

  it("has no swapped variant when day and month cannot be swapped", () => {
    expect(birthDateVariants("1990-04-25")).not.toContain("1990-25-04");
  });

  it("never offers a year before 1900 (the year 2000 has 0000 one digit away)", () => {
    const variants = birthDateVariants("2000-02-29");
    expect(variants.every((v) => Number(v.slice(0, 4)) >= 1900)).toBe(true);
    expect(variants).toContain("2000-02-28");
  });
});
