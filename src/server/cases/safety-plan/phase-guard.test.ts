import { describe, expect, it } from "vitest";
import { phaseBlockers } from "./phase-guard.ts";

const met = { safetyConditions: [{ id: "a", text: "No contact at night", met: true }] };
const unmet = { safetyConditions: [{ id: "a", text: "No contact at night", met: false }] };
const none = { safetyConditions: [] };

describe("phaseBlockers", () => {
  it("lets a case leave safety when no acute unsafety is open and every condition is met", () => {
    expect(phaseBlockers("safety", "risk-driven-care", met, false)).toEqual([]);
    expect(phaseBlockers("safety", "recovery", met, false)).toEqual([]);
  });

  it("names every reason a case may not leave safety", () => {
    expect(phaseBlockers("safety", "risk-driven-care", none, true)).toEqual([
      "acute-unsafety-open",
      "no-safety-condition",
    ]);
    expect(phaseBlockers("safety", "recovery", unmet, false)).toEqual(["safety-conditions-unmet"]);
  });

  it("always allows moving back, and moves after safety", () => {
    expect(phaseBlockers("recovery", "safety", none, true)).toEqual([]);
    expect(phaseBlockers("risk-driven-care", "safety", unmet, true)).toEqual([]);
    expect(phaseBlockers("risk-driven-care", "recovery", unmet, true)).toEqual([]);
  });
});
