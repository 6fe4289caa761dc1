import { describe, expect, it } from "vitest";
import { classifyEarlierInvolvement, isRecurrence } from "./earlier-involvement.ts";

const now = new Date("2026-11-22T10:00:00Z");
const none = { hasUntriagedReport: false, hasOpenCase: false, lastClosedAt: null };

describe("earlier involvement", () => {
  it("is a first report when nobody is known", () => {
    expect(classifyEarlierInvolvement([], now)).toEqual({ kind: "first" });
  });

  it("is during involvement while another report is still being assessed", () => {
    expect(
      classifyEarlierInvolvement([none, { ...none, hasUntriagedReport: true, hasOpenCase: true }], now),
    ).toEqual({
      kind: "during-involvement",
      detail: "during-safety-assessment",
    });
  });

  it("is during involvement after the assessment while a case is open", () => {
    expect(classifyEarlierInvolvement([{ ...none, hasOpenCase: true }], now)).toEqual({
      kind: "during-involvement",
      detail: "after-safety-assessment",
    });
  });

  it("is during monitoring within 12 months of closure and a re-report after that", () => {
    const recent = { ...none, lastClosedAt: new Date("2026-01-10T00:00:00Z") };
    const old = { ...none, lastClosedAt: new Date("2025-10-01T00:00:00Z") };
    expect(classifyEarlierInvolvement([recent], now)).toEqual({
      kind: "during-involvement",
      detail: "during-monitoring",
    });
    expect(classifyEarlierInvolvement([old], now)).toEqual({ kind: "re-report", detail: "one-person-known" });
    expect(classifyEarlierInvolvement([none], now)).toEqual({
      kind: "re-report",
      detail: "one-person-known",
    });
  });

  it("tells a re-report on one known person from one on several", () => {
    expect(classifyEarlierInvolvement([none, none], now)).toEqual({
      kind: "re-report",
      detail: "several-persons-known",
    });
  });

  it("does not classify a report nobody could be looked up for", () => {
    expect(classifyEarlierInvolvement([], now, false)).toEqual({ kind: "not-classified" });
    // A confirmed known person classifies the report whatever was typed.
    expect(classifyEarlierInvolvement([{ ...none, hasOpenCase: true }], now, false).kind).toBe(
      "during-involvement",
    );
  });

  it("counts recurrence only for a case closed less than 12 months ago", () => {
    expect(isRecurrence(new Date("2026-02-01T00:00:00Z"), now)).toBe(true);
    expect(isRecurrence(new Date("2025-11-01T00:00:00Z"), now)).toBe(false);
    expect(isRecurrence(null, now)).toBe(false);
  });
});
