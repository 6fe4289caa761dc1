import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import {
  type ChecklistAnswer,
  type ChecklistDefinition,
  parseChecklist,
  riskLevels,
  scoreChecklist,
  UnknownChecklistItemsError,
} from "./risk-checklist.ts";

const defaultJson: unknown = JSON.parse(
  fs.readFileSync(new URL("../../../regions/risk-checklist.json", import.meta.url), "utf8"),
);
const checklist = parseChecklist(defaultJson);
const ids = checklist.items.map((item) => item.id);

/** The first n items "yes", the rest "no". */
const yesFor = (n: number): Record<string, ChecklistAnswer> =>
  Object.fromEntries(ids.map((id, i) => [id, i < n ? "yes" : "no"]));

const validDefinition = (): Record<string, unknown> =>
  structuredClone(defaultJson) as Record<string, unknown>;

describe("the default checklist", () => {
  it("has 24 items of weight 1, medium from 10 and high from 14", () => {
    expect(checklist.id).toBe("default-risk-checklist");
    expect(checklist.version).toBe(1);
    expect(checklist.items).toHaveLength(24);
    expect(checklist.items.every((item) => item.weight === 1)).toBe(true);
    expect(checklist.thresholds).toEqual({ medium: 10, high: 14 });
  });

  it("covers the commonly used risk factors", () => {
    expect(ids).toEqual(
      expect.arrayContaining([
        "separation",
        "threats-to-kill",
        "strangulation",
        "weapons",
        "increasing-severity",
        "stalking",
        "pregnancy-recent-birth",
        "child-contact-conflict",
        "perpetrator-substance-misuse",
        "earlier-violence-against-others",
        "earlier-police-callouts",
        "breach-of-orders",
      ]),
    );
  });

  it("has a Dutch and an English text for every item and distinct texts", () => {
    expect(new Set(checklist.items.map((item) => item.text.nl)).size).toBe(24);
    expect(new Set(checklist.items.map((item) => item.text.en)).size).toBe(24);
  });

  it("drops the $comment of the file from the parsed definition", () => {
    expect(defaultJson).toHaveProperty("$comment");
    expect(checklist).not.toHaveProperty("$comment");
  });

  it("parses its own output again, as the stored definition is re-read from the database", () => {
    expect(parseChecklist(JSON.parse(JSON.stringify(checklist)))).toEqual(checklist);
  });
});

describe("parseChecklist", () => {
  it("refuses duplicate item ids", () => {
    const definition = validDefinition();
    const items = definition.items as { id: string }[];
    (items[1] as { id: string }).id = items[0]?.id ?? "";
    expect(() => parseChecklist(definition)).toThrow(/duplicate item id "current-injury"/);
  });

  it("refuses a medium threshold that is not below high", () => {
    const definition = { ...validDefinition(), thresholds: { medium: 14, high: 14 } };
    expect(() => parseChecklist(definition)).toThrow(/medium must be below high/);
  });

  it("refuses a high threshold the weights cannot reach", () => {
    const definition = { ...validDefinition(), thresholds: { medium: 10, high: 25 } };
    expect(() => parseChecklist(definition)).toThrow(
      /high \(25\) cannot be reached: the weights add up to 24/,
    );
  });

  it("refuses unknown fields, so a misspelt key is not silently ignored", () => {
    const definition = { ...validDefinition(), treshold: { medium: 10, high: 14 } };
    expect(() => parseChecklist(definition)).toThrow(/treshold/);
  });

  it("refuses an item without a Dutch text and names where", () => {
    const definition = validDefinition();
    const items = definition.items as { text: Record<string, string> }[];
    delete items[2]?.text.nl;
    expect(() => parseChecklist(definition)).toThrow(/items\[2\]\.text\.nl/);
  });

  it("refuses item ids that cannot serve as answer keys", () => {
    const definition = validDefinition();
    (definition.items as { id: string }[])[0] = {
      ...(definition.items as { id: string }[])[0],
      id: "Current Injury",
    } as { id: string };
    expect(() => parseChecklist(definition)).toThrow(/lower-case letters/);
  });
});

describe("scoreChecklist", () => {
  it.each([
    [0, "standard"],
    [9, "standard"],
    [10, "medium"],
    [13, "medium"],
    [14, "high"],
    [24, "high"],
  ] as const)("gives %i yes answers the level %s", (yes, level) => {
    const result = scoreChecklist(checklist, yesFor(yes));
    expect(result).toEqual({
      score: yes,
      answered: 24,
      unknown: 0,
      computedLevel: level,
      level,
      raisedByProfessional: false,
      professionalLevelIgnored: false,
    });
  });

  it("counts weights, not answers", () => {
    const weighted: ChecklistDefinition = {
      ...checklist,
      items: checklist.items.map((item) => (item.id === "strangulation" ? { ...item, weight: 5 } : item)),
    };
    const result = scoreChecklist(weighted, { strangulation: "yes", "threats-to-kill": "yes", fear: "no" });
    expect(result.score).toBe(6);
    expect(result.answered).toBe(3);
  });

  it("lets unknown and missing answers add nothing to the score and counts them as unknown", () => {
    const answers: Record<string, ChecklistAnswer> = { ...yesFor(9) };
    for (const id of ids.slice(9, 14)) {
      answers[id] = "unknown";
    }
    for (const id of ids.slice(14, 16)) {
      delete answers[id];
    }
    const result = scoreChecklist(checklist, answers);
    expect(result.score).toBe(9);
    expect(result.computedLevel).toBe("standard");
    expect(result.answered).toBe(24 - 5 - 2);
    expect(result.unknown).toBe(7);
  });

  it("scores an empty set of answers as standard with everything unknown", () => {
    expect(scoreChecklist(checklist, {})).toMatchObject({
      score: 0,
      answered: 0,
      unknown: 24,
      level: "standard",
    });
  });

  it("lets the professional raise the level", () => {
    const result = scoreChecklist(checklist, yesFor(9), "high");
    expect(result).toMatchObject({
      score: 9,
      computedLevel: "standard",
      level: "high",
      raisedByProfessional: true,
      professionalLevelIgnored: false,
    });
    expect(scoreChecklist(checklist, yesFor(11), "high").level).toBe("high");
  });

  it("refuses to let the professional lower the level and says so", () => {
    const result = scoreChecklist(checklist, yesFor(14), "standard");
    expect(result).toMatchObject({
      computedLevel: "high",
      level: "high",
      raisedByProfessional: false,
      professionalLevelIgnored: true,
    });
    expect(scoreChecklist(checklist, yesFor(12), "standard")).toMatchObject({
      level: "medium",
      professionalLevelIgnored: true,
    });
  });

  it("treats a professional level equal to the computed one as neither raising nor ignored", () => {
    expect(scoreChecklist(checklist, yesFor(10), "medium")).toMatchObject({
      level: "medium",
      raisedByProfessional: false,
      professionalLevelIgnored: false,
    });
  });

  it("throws a typed 400 error listing every answer for an item that is not on the checklist", () => {
    let thrown: unknown;
    try {
      scoreChecklist(checklist, { ...yesFor(3), "owns-a-dog": "yes", "bad-weather": "no" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UnknownChecklistItemsError);
    expect(thrown).toBeInstanceOf(AppError);
    const error = thrown as UnknownChecklistItemsError;
    expect(error.unknownItemIds).toEqual(["bad-weather", "owns-a-dog"]);
    expect(error.status).toBe(400);
    expect(error.errors).toEqual([
      { path: "answers.bad-weather", message: "not an item of the checklist" },
      { path: "answers.owns-a-dog", message: "not an item of the checklist" },
    ]);
  });

  it("does not mistake prototype properties for items", () => {
    expect(() =>
      scoreChecklist(checklist, { constructor: "yes" } as Record<string, ChecklistAnswer>),
    ).toThrow(UnknownChecklistItemsError);
  });

  it("never shows a level below the computed one or below the professional's", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<ChecklistAnswer>("yes", "no", "unknown"), { minLength: 24, maxLength: 24 }),
        fc.option(fc.constantFrom(...riskLevels), { nil: undefined }),
        (values, professional) => {
          const answers = Object.fromEntries(ids.map((id, i) => [id, values[i] ?? "no"]));
          const result = scoreChecklist(checklist, answers, professional);
          const rank = (level: string) => riskLevels.indexOf(level as (typeof riskLevels)[number]);
          expect(rank(result.level)).toBe(
            Math.max(rank(result.computedLevel), professional ? rank(professional) : 0),
          );
          expect(result.score).toBe(values.filter((v) => v === "yes").length);
          expect(result.answered + result.unknown).toBe(24);
        },
      ),
    );
  });
});
