import { describe, expect, it } from "vitest";
import { emptyPlan } from "../../../shared/safety-plan.ts";
import { planChanges, withItemIds } from "./plan-items.ts";

let n = 0;
const ids = () => `id-${++n}`;

describe("withItemIds", () => {
  it("keeps given ids, assigns new ones and fills defaults", () => {
    const plan = withItemIds(
      {
        safetyConditions: [
          { text: "No contact at night" },
          { id: "keep", text: "Keys handed in", met: true },
        ],
        agreements: [{ text: "Weekly visit", dueOn: "2026-05-01" }],
      },
      ids,
    );
    expect(plan.safetyConditions.map((c) => c.id)).toEqual(["id-1", "keep"]);
    expect(plan.safetyConditions[0]?.met).toBe(false);
    expect(plan.agreements[0]).toMatchObject({ id: "id-2", status: "open", ownerOrganisationId: null });
    expect(plan.goal).toBe("");
  });
});

describe("planChanges", () => {
  it("lists what a save changed without repeating the text", () => {
    const before = withItemIds({
      goal: "Safe at home",
      safetyConditions: [{ id: "c1", text: "No contact" }],
      agreements: [{ id: "a1", text: "Visit" }],
    });
    const after = withItemIds({
      goal: "Safe at home and at school",
      safetyConditions: [
        { id: "c1", text: "No contact", met: true },
        { id: "c2", text: "Keys" },
      ],
      agreements: [{ id: "a1", text: "Visit", status: "done" }],
    });
    expect(planChanges(before, after)).toEqual([
      { kind: "condition-met", itemId: "c1" },
      { kind: "condition-added", itemId: "c2" },
      { kind: "agreement-status", itemId: "a1", status: "done" },
      { kind: "text-changed", field: "goal" },
    ]);
    expect(planChanges(emptyPlan(), emptyPlan())).toEqual([]);
  });
});
