import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { dateInAmsterdam } from "../../../shared/calendar/working-days.ts";
import {
  caseLinkSchema,
  reportHouseholdSchema,
  reportPrefillSchema,
} from "../../../shared/intake-household.ts";
import type { MinorAnswer } from "../../../shared/minors.ts";
import { authorizeCase, authorizeReport } from "../../access/policy.ts";
import { accessOf } from "../../access/route-guard.ts";
import { auditedTransaction } from "../../audit/audited-transaction.ts";
import { householdIds, onCase } from "../../cases/case-work.ts";
import { casePersons, cases, persons, reports, users } from "../../db/schema.ts";
import { AppError } from "../../errors.ts";
import type { App, RouteDeps } from "../../http/types.ts";
import { householdCasesOfReport, knownInCase, linksOfCase, suggestedDecision } from "./household-cases.ts";

const idParams = z.strictObject({ id: z.uuid() });

/** May the caller see this case? The one policy's answer, without throwing. */
async function maySee(
  tx: Parameters<typeof authorizeCase>[0],
  principal: Parameters<typeof authorizeCase>[1],
  caseId: string,
) {
  try {
    await authorizeCase(tx, principal, caseId);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") {
      return false;
    }
    throw error;
  }
}

/**
 * One household, one case: the household cases a report's persons are known in (for the
 * household choice at triage), the links between cases, and a new report pre-filled with a
 * case's household.
 */
export function registerHouseholdRoutes(app: App, { database }: RouteDeps): void {
  const { db } = database;

  app.get(
    "/reports/:id/household",
    {
      config: { access: { action: "report.read" } },
      schema: {
        tags: ["intake"],
        summary:
          "The open or recently closed cases the report's persons are known in, with what is known in those the caller may see",
        params: idParams,
        response: { 200: reportHouseholdSchema },
      },
    },
    async (request) => {
      const { principal, actor } = accessOf(request);
      const reportId = request.params.id;
      return auditedTransaction(db, actor, async ({ tx, audit }) => {
        const { ground, isCentre } = await authorizeReport(tx, principal, reportId, "read");
        const now = new Date();
        const today = dateInAmsterdam(now);
        const [report] = await tx
          .select({ status: reports.status, caseId: reports.caseId })
          .from(reports)
          .where(eq(reports.id, reportId));
        const rows = await householdCasesOfReport(tx, reportId, now);
        const personIds: string[] = [];
        const items = [];
        for (const row of rows) {
          const visible = await maySee(tx, principal, row.caseId);
          // Only the centre learns of cases it may not see (its matches name them already).
          if (!visible && !isCentre) {
            continue;
          }
          const known = visible ? await knownInCase(tx, row.caseId, today) : undefined;
          if (visible) {
            personIds.push(...(await householdIds(tx, row.caseId)));
          }
          items.push({
            caseId: row.caseId,
            reference: row.reference,
            status: row.status,
            ...(row.closedAt ? { closedAt: row.closedAt.toISOString() } : {}),
            recurrence: row.recurrence,
            personKeys: row.personKeys,
            sameHousehold: row.sameHousehold,
            suggestedDecision: suggestedDecision(row),
            visible,
            ...(known ? { known } : {}),
          });
        }
        audit({
          action: "report.household",
          subjectType: "report",
          subjectId: reportId,
          personIds: [...new Set(personIds)],
          ground,
        });
        return {
          cases: items,
          decisionRequired: isCentre && report?.status !== "triaged" && !report?.caseId && rows.length > 0,
        };
      });
    },
  );

  app.get(
    "/cases/:id/links",
    {
      config: { access: { action: "case.read" } },
      schema: {
        tags: ["cases"],
        summary: "The cases linked to this one (both ends), with who linked them, when and why",
        params: idParams,
        response: { 200: z.object({ items: z.array(caseLinkSchema) }) },
      },
    },
    async (request) =>
      onCase(db, request, request.params.id, "case.links", "read", async (tx, principal) => {
        const caseId = request.params.id;
        const links = await linksOfCase(tx, caseId);
        const otherIds = links.map((l) => (l.caseId === caseId ? l.linkedCaseId : l.caseId));
        const others =
          otherIds.length > 0
            ? await tx
                .select({ id: cases.id, reference: cases.reference })
                .from(cases)
                .where(inArray(cases.id, otherIds))
            : [];
        const authors =
          links.length > 0
            ? await tx
                .select({ id: users.id, name: users.displayName })
                .from(users)
                .where(
                  inArray(
                    users.id,
                    links.map((l) => l.createdBy),
                  ),
                )
            : [];
        const items = [];
        for (const link of links) {
          const otherId = link.caseId === caseId ? link.linkedCaseId : link.caseId;
          // A linked case the caller may not see is left out: its existence is personal data.
          if (!(await maySee(tx, principal, otherId))) {
            continue;
          }
          const name = authors.find((a) => a.id === link.createdBy)?.name;
          items.push({
            id: link.id,
            otherCaseId: otherId,
            otherCaseReference: others.find((o) => o.id === otherId)?.reference ?? "",
            direction: link.caseId === caseId ? ("to" as const) : ("from" as const),
            reason: link.reason,
            ...(link.reportId ? { reportId: link.reportId } : {}),
            createdBy: link.createdBy,
            ...(name ? { createdByName: name } : {}),
            createdByOrganisationId: link.createdByOrganisationId,
            createdAt: link.createdAt.toISOString(),
          });
        }
        return { items };
      }),
  );

  app.get(
    "/cases/:id/report-prefill",
    {
      config: { access: { action: "report.create" } },
      schema: {
        tags: ["intake"],
        summary: "The persons of a case's household, to pre-fill a new report (e.g. after new violence)",
        params: idParams,
        response: { 200: reportPrefillSchema },
      },
    },
    async (request) =>
      onCase(db, request, request.params.id, "case.report-prefill", "read", async (tx) => {
        const caseId = request.params.id;
        const [c] = await tx
          .select({ reference: cases.reference, municipalityCode: cases.municipalityCode })
          .from(cases)
          .where(eq(cases.id, caseId));
        const members = await tx
          .select({ role: casePersons.role, person: persons })
          .from(casePersons)
          .innerJoin(persons, eq(persons.id, casePersons.personId))
          .where(eq(casePersons.caseId, caseId))
          .orderBy(casePersons.addedAt);
        return {
          caseId,
          caseReference: c?.reference ?? "",
          municipalityCode: c?.municipalityCode ?? "",
          persons: members.map(({ role, person: p }) => {
            const address = {
              ...(p.street ? { street: p.street } : {}),
              ...(p.houseNumber ? { houseNumber: p.houseNumber } : {}),
              ...(p.postcode ? { postcode: p.postcode } : {}),
              ...(p.city ? { city: p.city } : {}),
            };
            return {
              personId: p.id,
              role: role as "victim" | "alleged-perpetrator" | "child-witness" | "other",
              ...(p.firstName ? { firstName: p.firstName } : {}),
              ...(p.lastName ? { lastName: p.lastName } : {}),
              ...(p.birthDate ? { birthDate: p.birthDate } : {}),
              ...(p.bsn ? { bsn: p.bsn } : {}),
              minor: p.minor as MinorAnswer,
              ...(Object.keys(address).length > 0 ? { address } : {}),
            };
          }),
        };
      }),
  );
}
