import { and, desc, eq } from "drizzle-orm";
import {
  emptyPlan,
  type Plan,
  type PlanDocument,
  type PlanInput,
  planSchema,
} from "../../../shared/safety-plan.ts";
import type { Principal } from "../../access/principal.ts";
import type { Db } from "../../db/client.ts";
import { cases, safetyPlanVersions, users } from "../../db/schema.ts";
import { isUniqueViolation } from "../../db/unique-violation.ts";
import { AppError, notFound } from "../../errors.ts";
import { referenceProblems } from "../../http/reference-checks.ts";
import { recordCaseEvent } from "../events.ts";
import { planChanges, withItemIds } from "./plan-items.ts";

/** The ETag of a plan version: strong, and the version number is all it needs to say. */
export const planEtag = (version: number): string => `"plan-v${version}"`;

/**
 * Whether `If-Match` holds for the plan's current version, as RFC 9110 13.1.1 says: `*` holds
 * when there is a current representation (every case has a plan, version 1 empty at least);
 * otherwise a list of entity-tags compared strongly, so a weak validator (`W/"plan-v3"`) never
 * matches. A value that is no entity-tag matches nothing.
 */
export function ifMatchHolds(ifMatch: string, version: number): boolean {
  const value = ifMatch.trim();
  if (value === "*") {
    return true;
  }
  const current = planEtag(version);
  return value.split(",").some((tag) => tag.trim() === current);
}

/** Starts the plan of a new case: version 1, empty. */
export async function startPlan(
  tx: Db,
  caseId: string,
  by: Pick<Principal, "userId" | "organisationId">,
  at: Date,
) {
  await tx.insert(safetyPlanVersions).values({
    caseId,
    version: 1,
    plan: emptyPlan(),
    authorUserId: by.userId,
    authorOrganisationId: by.organisationId,
    createdAt: at,
  });
}

export async function currentPlan(tx: Db, caseId: string): Promise<PlanDocument> {
  const [row] = await tx
    .select()
    .from(safetyPlanVersions)
    .where(eq(safetyPlanVersions.caseId, caseId))
    .orderBy(desc(safetyPlanVersions.version))
    .limit(1);
  if (row) {
    return {
      version: row.version,
      updatedAt: row.createdAt.toISOString(),
      updatedBy: { userId: row.authorUserId, organisationId: row.authorOrganisationId },
      plan: storedPlan(row.plan),
    };
  }
  // A case opened before plans were versioned still answers version 1, empty.
  const [c] = await tx.select({ createdAt: cases.createdAt }).from(cases).where(eq(cases.id, caseId));
  if (!c) {
    throw notFound();
  }
  return {
    version: 1,
    updatedAt: c.createdAt.toISOString(),
    updatedBy: { userId: null, organisationId: null },
    plan: emptyPlan(),
  };
}

export async function planVersion(tx: Db, caseId: string, version: number): Promise<PlanDocument> {
  const [row] = await tx
    .select()
    .from(safetyPlanVersions)
    .where(and(eq(safetyPlanVersions.caseId, caseId), eq(safetyPlanVersions.version, version)));
  if (!row) {
    throw notFound();
  }
  return {
    version: row.version,
    updatedAt: row.createdAt.toISOString(),
    updatedBy: { userId: row.authorUserId, organisationId: row.authorOrganisationId },
    plan: storedPlan(row.plan),
  };
}

/**
 * A stored version as the plan: with the defaults of fields added since, when it still passes
 * today's bounds; as stored otherwise. It was checked when it was saved, and a bound tightened
 * later must not make a case's plan unreadable.
 */
function storedPlan(stored: unknown): Plan {
  const parsed = planSchema.safeParse(stored);
  return parsed.success ? parsed.data : { ...emptyPlan(), ...(stored as Partial<Plan>) };
}

export async function listPlanVersions(tx: Db, caseId: string) {
  const rows = await tx
    .select({
      version: safetyPlanVersions.version,
      authorUserId: safetyPlanVersions.authorUserId,
      authorName: users.displayName,
      authorOrganisationId: safetyPlanVersions.authorOrganisationId,
      createdAt: safetyPlanVersions.createdAt,
    })
    .from(safetyPlanVersions)
    .leftJoin(users, eq(users.id, safetyPlanVersions.authorUserId))
    .where(eq(safetyPlanVersions.caseId, caseId))
    .orderBy(desc(safetyPlanVersions.version));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/**
 * Saves the plan as a new version when the caller saw the newest one (optimistic concurrency):
 * 428 without `If-Match`, 412 when another save came first. The primary key (case, version)
 * makes two simultaneous saves from the same version impossible even without the row lock: one
 * of them fails, and the route answers that lost race 412 too (`isLostRace`).
 */
export async function savePlan(
  tx: Db,
  principal: Principal,
  caseId: string,
  ifMatch: string | undefined,
  input: PlanInput,
): Promise<PlanDocument> {
  if (!ifMatch) {
    throw new AppError("PRECONDITION_REQUIRED", "Send If-Match with the ETag of the plan you edited.");
  }
  const unknownOwners = await referenceProblems(
    tx,
    { "plan.agreements.*.ownerOrganisationId": "organisation" },
    { plan: input },
    principal.regionId,
  );
  if (unknownOwners.length > 0) {
    throw new AppError("INVALID_INPUT", "An agreement names an organisation that is not known.", {
      errors: unknownOwners,
    });
  }
  // Saves of one plan queue on the case row, so each reads the version the one before wrote.
  // NO KEY UPDATE, as marking an agreement done does: it lets the version's foreign-key check
  // (KEY SHARE on the case row) through.
  const [c] = await tx
    .select({ status: cases.status })
    .from(cases)
    .where(eq(cases.id, caseId))
    .for("no key update");
  if (c?.status !== "open") {
    throw new AppError("CONFLICT", "The case is closed; reopen it to change the plan.");
  }
  const current = await currentPlan(tx, caseId);
  if (!ifMatchHolds(ifMatch, current.version)) {
    throw new AppError(
      "PRECONDITION_FAILED",
      `The plan was changed meanwhile; the newest version is ${current.version}.`,
      { type: "plan-changed" },
    );
  }
  const plan: Plan = withItemIds(input);
  const now = new Date();
  const version = current.version + 1;
  try {
    await tx.insert(safetyPlanVersions).values({
      caseId,
      version,
      plan,
      authorUserId: principal.userId,
      authorOrganisationId: principal.organisationId,
      createdAt: now,
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("PRECONDITION_FAILED", "The plan was changed meanwhile.", { type: "plan-changed" });
    }
    throw error;
  }
  await recordCaseEvent(tx, caseId, principal, "plan-saved", {
    at: now,
    details: { version, changes: planChanges(current.plan, plan) },
  });
  return {
    version,
    updatedAt: now.toISOString(),
    updatedBy: { userId: principal.userId, organisationId: principal.organisationId },
    plan,
  };
}
