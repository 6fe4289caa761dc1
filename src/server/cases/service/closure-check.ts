import { type CloseCaseInput, type ClosureBlocker, hardClosureBlockers } from "../../../shared/closure.ts";

/** What the closure check looks at, loaded by the caller (pure input, so the rule is testable). */
export interface ClosureState {
  acuteUnsafety: boolean;
  activeRestrainingOrderIds: string[];
  openShelterStayIds: string[];
  minorsWithoutHelpIds: string[];
  openAgreementIds: string[];
  pendingHandoverIds: string[];
}

const messages: Record<ClosureBlocker["code"], string> = {
  "acute-unsafety-open": "The latest safety assessment found acute unsafety.",
  "restraining-order-active": "A restraining order is running.",
  "shelter-stay-open": "A shelter stay has not ended.",
  "minor-without-help": "A minor of the household has no help offered.",
  "agreement-open": "An agreement of the safety plan is still open.",
  "handover-pending": "A handover is pending.",
};

const hard = new Set<string>(hardClosureBlockers);

const blocker = (code: ClosureBlocker["code"], itemId?: string): ClosureBlocker => ({
  code,
  message: messages[code],
  ...(itemId === undefined ? {} : { itemId }),
  overridable: !hard.has(code),
});

/** Every reason the case cannot close now, one per item, hard reasons first. */
export function closureBlockers(state: ClosureState): ClosureBlocker[] {
  return [
    ...(state.acuteUnsafety ? [blocker("acute-unsafety-open")] : []),
    ...state.activeRestrainingOrderIds.map((id) => blocker("restraining-order-active", id)),
    ...state.openShelterStayIds.map((id) => blocker("shelter-stay-open", id)),
    ...state.minorsWithoutHelpIds.map((id) => blocker("minor-without-help", id)),
    ...state.openAgreementIds.map((id) => blocker("agreement-open", id)),
    ...state.pendingHandoverIds.map((id) => blocker("handover-pending", id)),
  ];
}

export type ClosureDecision =
  | { kind: "close"; overridden: { code: string; itemId?: string; reason: string }[] }
  | { kind: "refused"; blockers: ClosureBlocker[] }
  | { kind: "not-director" }
  | { kind: "unknown-override"; indexes: number[] };

const keyOf = (b: { code: string; itemId?: string | undefined }) => `${b.code}/${b.itemId ?? ""}`;

/**
 * Decides a closure: refused while a hard reason stands or any overridable item lacks the
 * director's reason; only the director may give such reasons; a reason for an item that is not
 * (or no longer) open is a mistake in the request, not silently dropped.
 */
export function decideClosure(
  blockers: ClosureBlocker[],
  overrides: NonNullable<CloseCaseInput["overrides"]>,
  isDirector: boolean,
): ClosureDecision {
  const open = new Set(blockers.filter((b) => b.overridable).map(keyOf));
  const unknown = overrides.flatMap((o, index) => (open.has(keyOf(o)) ? [] : [index]));
  if (unknown.length > 0) {
    return { kind: "unknown-override", indexes: unknown };
  }
  if (overrides.length > 0 && !isDirector) {
    return { kind: "not-director" };
  }
  const given = new Map(overrides.map((o) => [keyOf(o), o.reason]));
  const remaining = blockers.filter((b) => !b.overridable || !given.has(keyOf(b)));
  if (remaining.length > 0) {
    return { kind: "refused", blockers: blockers };
  }
  return {
    kind: "close",
    overridden: blockers.map((b) => ({
      code: b.code,
      ...(b.itemId === undefined ? {} : { itemId: b.itemId }),
      reason: given.get(keyOf(b)) as string,
    })),
  };
}
