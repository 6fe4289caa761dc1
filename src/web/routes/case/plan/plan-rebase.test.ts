import { describe, expect, it } from "vitest";
import { emptyPlan, type Plan } from "../../../../shared/safety-plan";
import { draftFromPlan, newItemKey, type PlanDraft, planFromDraft } from "./plan-draft";
import { rebaseDraft } from "./plan-rebase";

const organisation = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

function plan(overrides: Partial<Plan>): Plan {
  return { ...emptyPlan(), ...overrides };
}

/** The version both users started from. */
const v1 = plan({
  concerns: "Father drinks.",
  goal: "Noor is safe.",
  safetyConditions: [{ id: "c1", text: "Father sleeps elsewhere", met: false }],
  risks: ["Alcohol", "Debts"],
  agreements: [
    {
      id: "a1",
      text: "Weekly visit",
      ownerOrganisationId: organisation,
      ownerUserId: null,
      dueOn: "2026-12-01",
      status: "open",
    },
  ],
  network: [{ name: "Grandmother", relation: "grandmother", role: "checks weekly" }],
  safetyScores: [{ party: "family", score: 4, on: "2026-11-01" }],
});

function edit(from: Plan, version: number, change: (draft: PlanDraft) => PlanDraft): PlanDraft {
  return change(draftFromPlan(from, version));
}

describe("re-applying one's edits to the newest plan", () => {
  it("keeps the other side's changes to fields the user left alone", () => {
    const base = draftFromPlan(v1, 1);
    const mine = edit(v1, 1, (d) => ({ ...d, concerns: "Father drinks and shouts." }));
    const v2 = plan({ ...v1, goal: "Noor is safe at home and at school." });
    const { draft, overlaps } = rebaseDraft(base, mine, draftFromPlan(v2, 2));
    expect(draft.concerns).toBe("Father drinks and shouts.");
    expect(draft.goal).toBe("Noor is safe at home and at school.");
    expect(overlaps).toEqual([]);
  });

  it("keeps the user's text where both changed it, and says so", () => {
    const base = draftFromPlan(v1, 1);
    const mine = edit(v1, 1, (d) => ({ ...d, goal: "Mine" }));
    const { draft, overlaps } = rebaseDraft(base, mine, draftFromPlan(plan({ ...v1, goal: "Theirs" }), 2));
    expect(draft.goal).toBe("Mine");
    expect(overlaps).toEqual(["goal"]);
  });

  it("merges conditions item by item: both additions, my change, their change", () => {
    const base = draftFromPlan(v1, 1);
    const mine = edit(v1, 1, (d) => ({
      ...d,
      safetyConditions: [
        { ...(d.safetyConditions[0] as PlanDraft["safetyConditions"][number]), met: true },
        { key: newItemKey(), text: "No contact at night", met: false },
      ],
    }));
    const v2 = plan({
      ...v1,
      safetyConditions: [...v1.safetyConditions, { id: "c2", text: "School reports absence", met: false }],
    });
    const { draft, overlaps } = rebaseDraft(base, mine, draftFromPlan(v2, 2));
    expect(draft.safetyConditions.map((c) => [c.text, c.met])).toEqual([
      ["Father sleeps elsewhere", true],
      ["School reports absence", false],
      ["No contact at night", false],
    ]);
    expect(overlaps).toEqual([]);
    // The result saves with the ids of the newest version, so the server keeps their identity.
    expect(planFromDraft(draft).safetyConditions?.map((c) => c.id)).toEqual(["c1", "c2", undefined]);
  });

  it("keeps an item the user edited but the other side removed, and marks it", () => {
    const base = draftFromPlan(v1, 1);
    const mine = edit(v1, 1, (d) => ({
      ...d,
      agreements: d.agreements.map((a) => ({ ...a, status: "done" as const })),
    }));
    const { draft, overlaps } = rebaseDraft(base, mine, draftFromPlan(plan({ ...v1, agreements: [] }), 2));
    expect(draft.agreements.map((a) => [a.text, a.status])).toEqual([["Weekly visit", "done"]]);
    expect(overlaps).toEqual(["agreements"]);
  });

  it("applies removals and additions of risks and network members by content", () => {
    const base = draftFromPlan(v1, 1);
    const mine = edit(v1, 1, (d) => ({
      ...d,
      risks: [...d.risks.filter((r) => r.text !== "Debts"), { key: newItemKey(), text: "Isolation" }],
      network: d.network.map((m) => ({ ...m, role: "checks the agreements weekly" })),
    }));
    // Meanwhile the other side added a risk at the front, so positions no longer line up.
    const v2 = plan({ ...v1, risks: ["Weapons", "Alcohol", "Debts"] });
    const { draft, overlaps } = rebaseDraft(base, mine, draftFromPlan(v2, 2));
    expect(draft.risks.map((r) => r.text)).toEqual(["Weapons", "Alcohol", "Isolation"]);
    expect(draft.network.map((m) => m.role)).toEqual(["checks the agreements weekly"]);
    expect(overlaps).toEqual([]);
  });

  it("merges each child's own words separately", () => {
    const child1 = "0b7e2c7e-0000-4000-8000-000000000001";
    const child2 = "0b7e2c7e-0000-4000-8000-000000000002";
    const base = draftFromPlan(v1, 1);
    const mine = edit(v1, 1, (d) => ({ ...d, childrenWords: { [child1]: "I want dad to stop." } }));
    const v2 = plan({ ...v1, childrenWords: [{ personId: child2, words: "I like school." }] });
    const { draft } = rebaseDraft(base, mine, draftFromPlan(v2, 2));
    expect(draft.childrenWords).toEqual({ [child1]: "I want dad to stop.", [child2]: "I like school." });
  });

  it("answers the newest version unchanged when the user changed nothing", () => {
    const base = draftFromPlan(v1, 1);
    const v2 = plan({ ...v1, goal: "New", risks: ["Alcohol"] });
    const theirs = draftFromPlan(v2, 2);
    expect(rebaseDraft(base, draftFromPlan(v1, 1), theirs).draft).toEqual(theirs);
  });
});
