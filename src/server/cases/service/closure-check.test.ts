import { describe, expect, it } from "vitest";
import { type ClosureState, closureBlockers, decideClosure } from "./closure-check.ts";

const clear: ClosureState = {
  acuteUnsafety: false,
  activeRestrainingOrderIds: [],
  openShelterStayIds: [],
  minorsWithoutHelpIds: [],
  openAgreementIds: [],
  pendingHandoverIds: [],
};

describe("closureBlockers", () => {
  it("lists nothing for a case that is safe to close", () => {
    expect(closureBlockers(clear)).toEqual([]);
  });

  it("lists one entry per item, hard reasons first", () => {
    const blockers = closureBlockers({
      acuteUnsafety: true,
      activeRestrainingOrderIds: ["ro"],
      openShelterStayIds: ["s1", "s2"],
      minorsWithoutHelpIds: ["c1"],
      openAgreementIds: ["a1"],
      pendingHandoverIds: ["h1"],
    });
    expect(blockers.map((b) => [b.code, b.itemId, b.overridable])).toEqual([
      ["acute-unsafety-open", undefined, false],
      ["restraining-order-active", "ro", false],
      ["shelter-stay-open", "s1", false],
      ["shelter-stay-open", "s2", false],
      ["minor-without-help", "c1", true],
      ["agreement-open", "a1", true],
      ["handover-pending", "h1", true],
    ]);
  });
});

describe("decideClosure", () => {
  const soft = closureBlockers({ ...clear, minorsWithoutHelpIds: ["c1", "c2"], openAgreementIds: ["a1"] });

  it("closes a clear case without reasons", () => {
    expect(decideClosure([], [], false)).toEqual({ kind: "close", overridden: [] });
  });

  it("refuses while any overridable item has no reason, listing every item", () => {
    const decision = decideClosure(soft, [{ code: "minor-without-help", itemId: "c1", reason: "r" }], true);
    expect(decision).toEqual({ kind: "refused", blockers: soft });
  });

  it("closes when the director gives a reason for every item", () => {
    const overrides = [
      { code: "minor-without-help" as const, itemId: "c1", reason: "r1" },
      { code: "minor-without-help" as const, itemId: "c2", reason: "r2" },
      { code: "agreement-open" as const, itemId: "a1", reason: "r3" },
    ];
    expect(decideClosure(soft, overrides, true)).toEqual({
      kind: "close",
      overridden: [
        { code: "minor-without-help", itemId: "c1", reason: "r1" },
        { code: "minor-without-help", itemId: "c2", reason: "r2" },
        { code: "agreement-open", itemId: "a1", reason: "r3" },
      ],
    });
    expect(decideClosure(soft, overrides, false)).toEqual({ kind: "not-director" });
  });

  it("never closes past a hard reason", () => {
    const hard = closureBlockers({ ...clear, openShelterStayIds: ["s1"], minorsWithoutHelpIds: ["c1"] });
    const decision = decideClosure(hard, [{ code: "minor-without-help", itemId: "c1", reason: "r" }], true);
    expect(decision.kind).toBe("refused");
  });

  it("names a reason for an item that is not open (or another case's id) as a mistake", () => {
    expect(
      decideClosure(
        soft,
        [{ code: "agreement-open", itemId: "A1", reason: "upper case is another id" }],
        true,
      ),
    ).toEqual({ kind: "unknown-override", indexes: [0] });
  });
});
