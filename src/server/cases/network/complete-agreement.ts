import { eq } from "drizzle-orm";
import type { PlanDocument } from "../../../shared/safety-plan.ts";
import type { Principal } from "../../access/principal.ts";
import type { Db } from "../../db/client.ts";
import { sqlStateOf } from "../../db/lost-race.ts";
import { cases } from "../../db/schema.ts";
import { AppError, notFound } from "../../errors.ts";
import { currentPlan, planEtag, savePlan } from "../safety-plan/plan-store.ts";

const sameId = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase();

/**
 * Marks one agreement of the plan done, as a new version of the plan: the one click on the owning
 * organisation's start page. Only the owning organisation or the case director may; anyone else
 * who can see the case gets 403. The case row is locked first, so two clicks at once on one plan
 * are serialised and neither is lost; a plan save from the editor that wins meanwhile makes this
 * insert fail, and the caller retries on the newer version (see `isPlanRace`).
 */
export async function completeAgreement(
  tx: Db,
  principal: Principal,
  caseId: string,
  agreementId: string,
): Promise<PlanDocument> {
  const [c] = await tx
    .select({ directorUserId: cases.directorUserId })
    .from(cases)
    .where(eq(cases.id, caseId))
    // NO KEY UPDATE: serialises the clicks on one case, yet lets a plan save's foreign-key check
    // (KEY SHARE on the case row) through; FOR UPDATE would deadlock with a save from the editor.
    .for("no key update");
  if (!c) {
    throw notFound();
  }
  const current = await currentPlan(tx, caseId);
  const agreement = current.plan.agreements.find((a) => a.id === agreementId);
  if (!agreement) {
    throw notFound();
  }
  const isOwner = sameId(agreement.ownerOrganisationId, principal.organisationId);
  if (!isOwner && c.directorUserId !== principal.userId) {
    throw new AppError("FORBIDDEN", "Only the owning organisation or the case director marks it done.");
  }
  if (agreement.status !== "open") {
    throw new AppError("CONFLICT", `The agreement is already ${agreement.status}.`, {
      type: "agreement-decided",
    });
  }
  const plan = {
    ...current.plan,
    agreements: current.plan.agreements.map((a) =>
      a.id === agreementId ? { ...a, status: "done" as const } : a,
    ),
  };
  return savePlan(tx, principal, caseId, planEtag(current.version), plan);
}

/**
 * A plan saved by someone else between reading and writing (412), or a transaction PostgreSQL
 * chose to abort in a lock conflict (deadlock 40P01, serialisation 40001): worth one more try.
 */
export const isPlanRace = (error: unknown): boolean =>
  (error instanceof AppError && error.code === "PRECONDITION_FAILED") ||
  sqlStateOf(error) === "40P01" ||
  sqlStateOf(error) === "40001";
