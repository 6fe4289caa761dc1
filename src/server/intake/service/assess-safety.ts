import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import type { SafetyAssessmentInput } from "../../../shared/intake.ts";
import type { Principal } from "../../access/principal.ts";
import type { Db } from "../../db/client.ts";
import { reports, riskChecklists, safetyAssessments } from "../../db/schema.ts";
import { AppError } from "../../errors.ts";
import { type ChecklistDefinition, parseChecklist, scoreChecklist } from "../risk-checklist.ts";

/** The checklist in use: the newest active version of the default checklist. */
export async function activeChecklist(tx: Db): Promise<ChecklistDefinition | undefined> {
  const [row] = await tx
    .select({ definition: riskChecklists.definition })
    .from(riskChecklists)
    .where(eq(riskChecklists.active, true))
    .orderBy(desc(riskChecklists.version))
    .limit(1);
  return row ? parseChecklist(row.definition) : undefined;
}

/**
 * Records the safety assessment of a report: acute and structural unsafety, immediate measures
 * and, when filled, the risk checklist (scored as an aid; the professional may raise the level,
 * never lower it). A report can be re-assessed until it is triaged.
 */
export async function assessSafety(
  tx: Db,
  principal: Principal,
  reportId: string,
  input: SafetyAssessmentInput,
) {
  const [report] = await tx
    .select({
      status: reports.status,
      earlierInvolvement: reports.earlierInvolvement,
      earlierInvolvementDetail: reports.earlierInvolvementDetail,
    })
    .from(reports)
    .where(eq(reports.id, reportId));
  if (report?.status === "triaged") {
    throw new AppError("CONFLICT", "The report has been triaged; assess safety within its case instead.");
  }
  let checklist: ReturnType<typeof scoreChecklist> | undefined;
  let definition: ChecklistDefinition | undefined;
  if (input.checklist) {
    definition = await activeChecklist(tx);
    if (!definition) {
      throw new AppError("CONFLICT", "No risk checklist is configured.");
    }
    try {
      checklist = scoreChecklist(definition, input.checklist.answers, input.checklist.professionalLevel);
    } catch (error) {
      const unknownIds = (error as { unknownItemIds?: string[] }).unknownItemIds;
      if (unknownIds) {
        throw new AppError("INVALID_INPUT", "The checklist answers name unknown items.", {
          errors: unknownIds.map((id) => ({
            path: `checklist.answers.${id}`,
            message: "not an item of the checklist",
          })),
        });
      }
      throw error;
    }
  }
  const id = randomUUID();
  const assessedAt = new Date();
  await tx.insert(safetyAssessments).values({
    id,
    reportId,
    acuteUnsafety: input.acuteUnsafety,
    structuralUnsafety: input.structuralUnsafety,
    immediateMeasures: input.immediateMeasures,
    notes: input.notes ?? null,
    checklistId: definition?.id ?? null,
    checklistVersion: definition?.version ?? null,
    checklistAnswers: input.checklist?.answers ?? null,
    checklistScore: checklist?.score ?? null,
    checklistLevel: checklist?.level ?? null,
    professionalLevel: input.checklist?.professionalLevel ?? null,
    assessedBy: principal.userId,
    assessedByOrganisationId: principal.organisationId,
    assessedAt,
    // The class as it stands at the assessment, for the figures (later matches do not change it).
    earlierInvolvement: report?.earlierInvolvement ?? null,
    earlierInvolvementDetail: report?.earlierInvolvementDetail ?? null,
  });
  await tx
    .update(reports)
    .set({ status: "awaiting-triage", updatedAt: assessedAt })
    .where(and(eq(reports.id, reportId), eq(reports.status, "awaiting-assessment")));
  return {
    id,
    assessedAt,
    checklist,
    earlierInvolvement: report?.earlierInvolvement,
    earlierInvolvementDetail: report?.earlierInvolvementDetail ?? undefined,
  };
}
