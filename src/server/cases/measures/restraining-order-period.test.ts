import { describe, expect, it } from "vitest";
import { initialEndOn, isActiveOn, latestEndOn } from "./restraining-order-period.ts";

describe("restraining order period", () => {
  it("lasts ten days from imposition and at most 28 when extended", () => {
    expect(initialEndOn("2026-05-01")).toBe("2026-05-10");
    expect(latestEndOn("2026-05-01")).toBe("2026-05-28");
    expect(latestEndOn("2026-02-10")).toBe("2026-03-09");
  });

  it("is active from its first to its last day", () => {
    const order = { startsOn: "2026-05-01", endsOn: "2026-05-10" };
    expect(isActiveOn(order, "2026-04-30")).toBe(false);
    expect(isActiveOn(order, "2026-05-01")).toBe(true);
    expect(isActiveOn(order, "2026-05-10")).toBe(true);
    expect(isActiveOn(order, "2026-05-11")).toBe(false);
  });
});
