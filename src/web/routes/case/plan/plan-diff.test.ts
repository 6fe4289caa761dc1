import { describe, expect, it } from "vitest";
import { emptyPlan, type Plan } from "../../../../shared/safety-plan";
import { comparePlans } from "./plan-diff";
import { checkDraft, draftFromPlan, planFromDraft } from "./plan-draft";
import { diffWords } from "./text-diff";

const plan = (overrides: Partial<Plan>): Plan => ({ ...emptyPlan(), ...overrides });

describe("the word comparison", () => {
  it("marks removed and added words and keeps the rest", () => {
    expect(diffWords("Noor is safe at home.", "Noor is safe at school.")).toEqual([
      { kind: "same", text: "Noor is safe at " },
      { kind: "removed", text: "home." },
      { kind: "added", text: "school." },
    ]);
  });

  it("gives the texts back when the parts are joined", () => {
    const before = "One two  three\nfour";
    const after = "One three\nfour five";
    const parts = diffWords(before, after);
    const join = (kinds: string[]) =>
      parts
        .filter((part) => kinds.includes(part.kind))
        .map((part) => part.text)
        .join("");
    expect(join(["same", "removed"])).toBe(before);
    expect(join(["same", "added"])).toBe(after);
  });

  it("handles empty texts", () => {
    expect(diffWords("", "")).toEqual([]);
    expect(diffWords("", "New")).toEqual([{ kind: "added", text: "New" }]);
    expect(diffWords("Old", "")).toEqual([{ kind: "removed", text: "Old" }]);
  });
});

describe("comparing two versions of the plan", () => {
  it("lists only the fields that differ, per item", () => {
    const before = plan({
      goal: "Safe",
      safetyConditions: [
        { id: "c1", text: "A", met: false },
        { id: "c2", text: "B", met: false },
      ],
      risks: ["Alcohol", "Alcohol"],
    });
    const after = plan({
      goal: "Safe",
      concerns: "New concern",
      safetyConditions: [
        { id: "c1", text: "A", met: true },
        { id: "c3", text: "C", met: false },
      ],
      risks: ["Alcohol"],
    });
    expect(comparePlans(before, after)).toEqual([
      { field: "concerns", kind: "text", before: "", after: "New concern" },
      {
        field: "safetyConditions",
        kind: "items",
        changes: [
          {
            kind: "changed",
            before: { id: "c1", text: "A", met: false },
            after: { id: "c1", text: "A", met: true },
          },
          { kind: "added", item: { id: "c3", text: "C", met: false } },
          { kind: "removed", item: { id: "c2", text: "B", met: false } },
        ],
      },
      { field: "risks", kind: "values", added: [], removed: ["Alcohol"] },
    ]);
  });

  it("finds no differences between equal plans", () => {
    const same = plan({ goal: "x", network: [{ name: "Oma", relation: "", role: "" }] });
    expect(comparePlans(same, structuredClone(same))).toEqual([]);
  });
});

describe("the editor's draft", () => {
  it("turns a plan into a draft and back without change", () => {
    const original = plan({
      concerns: "c",
      safetyConditions: [{ id: "c1", text: "A", met: true }],
      agreements: [
        { id: "a1", text: "T", ownerOrganisationId: null, ownerUserId: null, dueOn: null, status: "open" },
      ],
      safetyScores: [{ party: "child", score: 7, on: "2026-05-01" }],
      childrenWords: [{ personId: "0b7e2c7e-0000-4000-8000-000000000001", words: "Hi" }],
    });
    expect(planFromDraft(draftFromPlan(original, 3))).toEqual(original);
  });

  it("finds empty texts, impossible dates and scores outside 0 to 10", () => {
    const draft = draftFromPlan(emptyPlan(), 1);
    draft.safetyConditions.push({ key: "k1", text: " ", met: false });
    draft.safetyScores.push({ key: "k2", party: "family", score: "11", on: "2026-02-30" });
    expect(checkDraft(draft).map((problem) => [problem.kind, problem.number])).toEqual([
      ["conditionText", 1],
      ["scoreValue", 1],
      ["scoreDate", 1],
    ]);
  });
});
