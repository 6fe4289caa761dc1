/** What Schakel knows of one person confirmed as already known (DOMAIN.md 6). */
export interface KnownInvolvement {
  /** Another report with this person that has not been triaged yet. */
  hasUntriagedReport: boolean;
  /** A case with this person that is open. */
  hasOpenCase: boolean;
  /** The most recent closure of a case with this person, if any. */
  lastClosedAt: Date | null;
}

export type EarlierInvolvement =
  | { kind: "first" }
  | { kind: "not-classified" }
  | { kind: "re-report"; detail: "one-person-known" | "several-persons-known" }
  | {
      kind: "during-involvement";
      detail: "during-safety-assessment" | "after-safety-assessment" | "during-monitoring";
    };

const monitoringMonths = 12;

/**
 * The statistics office's earlier-involvement class, computed from the persons confirmed as
 * known rather than typed in: nobody known → first report; someone in an ongoing assessment,
 * an open case or the 12-month follow-up after closure → follow-up report during involvement;
 * otherwise (involvement had ended) → re-report, on one known person or on several. A report
 * nobody could be looked up for (no BSN, birth date or address of anyone) is not classified.
 */
export function classifyEarlierInvolvement(
  known: KnownInvolvement[],
  now: Date,
  classifiable = true,
): EarlierInvolvement {
  if (known.length === 0) {
    return classifiable ? { kind: "first" } : { kind: "not-classified" };
  }
  if (known.some((k) => k.hasUntriagedReport)) {
    return { kind: "during-involvement", detail: "during-safety-assessment" };
  }
  if (known.some((k) => k.hasOpenCase)) {
    return { kind: "during-involvement", detail: "after-safety-assessment" };
  }
  const monitoringStart = new Date(now);
  monitoringStart.setUTCMonth(monitoringStart.getUTCMonth() - monitoringMonths);
  if (known.some((k) => k.lastClosedAt !== null && k.lastClosedAt > monitoringStart)) {
    return { kind: "during-involvement", detail: "during-monitoring" };
  }
  return { kind: "re-report", detail: known.length === 1 ? "one-person-known" : "several-persons-known" };
}

/** A report on a case closed less than 12 months ago counts as recurrence (C6). */
export function isRecurrence(caseClosedAt: Date | null, now: Date): boolean {
  if (!caseClosedAt) {
    return false;
  }
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - monitoringMonths);
  return caseClosedAt > limit;
}
