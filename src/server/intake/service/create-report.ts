import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { dateInAmsterdam } from "../../../shared/calendar/working-days.ts";
import type { CreateReport } from "../../../shared/intake.ts";
import type { Db } from "../../db/client.ts";
import { nextReference } from "../../db/references.ts";
import {
  municipalities,
  organisations,
  persons,
  reportMatches,
  reportPersons,
  reportRelations,
  reports,
  violenceTypes,
} from "../../db/schema.ts";
import { AppError } from "../../errors.ts";
import { classifyEarlierInvolvement } from "../earlier-involvement.ts";
import { knownInvolvements, latestCaseOfPerson } from "../household.ts";
import { findCandidates } from "../matching/find-candidates.ts";
import { firstNameKey, normaliseHouseNumber, normalisePostcode, surnameKey } from "../matching/normalise.ts";
import { deadlinesFor, type ReportDeadlines } from "./report-deadlines.ts";
import { resolveReportPerson } from "./resolve-person.ts";

export interface CreateReportContext {
  /** The user recording it; absent for the public form. */
  userId: string | null;
  /** The region whose centre receives it; for the public form, the municipality's region. */
  regionId?: string;
  now?: Date;
  /** A report the police submitted itself: its organisation and the police's own fields. */
  police?: { organisationId: string; incidentNumber: string; restrainingOrderAdvice: string };
}

export interface CreatedReport {
  id: string;
  reference: string;
  kind: "advice" | "report";
  status: "awaiting-assessment";
  deadlines: ReportDeadlines;
  earlierInvolvement: EarlierInvolvementKind;
  personIds: string[];
  matches: {
    id: string;
    personKey: string;
    personId: string;
    caseId?: string;
    caseReference?: string;
    caseStatus?: "open" | "closed";
    score: number;
    reasons: ("bsn" | "name" | "birthDate" | "address")[];
    status: "proposed" | "confirmed" | "dismissed";
  }[];
}

/** Checks against reference data (municipality, violence types); every problem is reported at once. */
async function checkReferences(tx: Db, input: CreateReport, regionId: string | undefined) {
  // Person keys, relations and the sector are checked by the schema (createReportSchema).
  const errors: { path: string; message: string }[] = [];
  const [municipality] = await tx
    .select({ regionId: municipalities.regionId })
    .from(municipalities)
    .where(eq(municipalities.code, input.municipalityCode));
  if (!municipality || (regionId && municipality.regionId !== regionId)) {
    errors.push({ path: "municipalityCode", message: "not a municipality of this region" });
  }
  if (input.violenceTypes.length > 0) {
    const known = await tx
      .select({ code: violenceTypes.code })
      .from(violenceTypes)
      .where(and(inArray(violenceTypes.code, input.violenceTypes), eq(violenceTypes.active, true)));
    const knownCodes = new Set(known.map((k) => k.code));
    input.violenceTypes.forEach((code, i) => {
      if (!knownCodes.has(code)) {
        errors.push({ path: `violenceTypes.${i}`, message: "not a configured violence type" });
      }
    });
  }
  if (errors.length > 0) {
    throw new AppError("INVALID_INPUT", `The report has ${errors.length} invalid field(s).`, { errors });
  }
  return municipality?.regionId as string;
}

/**
 * Records an advice request or report with its household, computes its deadlines in working days
 * and looks for the same persons among those Schakel already knows. BSN matches are certain and
 * confirmed at once; other candidates wait for a human.
 */
export async function createReport(
  tx: Db,
  input: CreateReport,
  ctx: CreateReportContext,
): Promise<CreatedReport> {
  const now = ctx.now ?? new Date();
  const receivedAt = new Date(input.receivedAt);
  if (receivedAt.getTime() > now.getTime() + 5 * 60_000) {
    throw new AppError("INVALID_INPUT", "The report cannot be received in the future.", {
      errors: [{ path: "receivedAt", message: "lies in the future" }],
    });
  }
  const regionId = await checkReferences(tx, input, ctx.regionId);
  const [centre] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.regionId, regionId), eq(organisations.kind, "centre")))
    .limit(1);
  if (!centre) {
    throw new AppError("CONFLICT", "This region has no centre to receive reports; ask the administrator.");
  }

  const receivedOn = dateInAmsterdam(receivedAt);
  const deadlines = await deadlinesFor(tx, {
    kind: input.kind,
    receivedOn,
    acuteConcern: input.acuteConcern,
  });
  // An anonymous reporter is anonymous: whatever identity was sent is not stored (DOMAIN.md 1).
  const identity =
    input.reporter.category === "anonymous"
      ? { name: null, organisation: null, contact: null }
      : {
          name: input.reporter.name ?? null,
          organisation: input.reporter.organisation ?? null,
          contact: input.reporter.contact ?? null,
        };

  const id = randomUUID();
  const reference = await nextReference(tx, "VT", Number(receivedOn.slice(0, 4)));
  await tx.insert(reports).values({
    id,
    reference,
    regionId,
    receivingOrganisationId: centre.id,
    kind: input.kind,
    status: "awaiting-assessment",
    receivedAt,
    receivedOn,
    channel: input.channel,
    reporterCategory: input.reporter.category,
    reporterSector: input.reporter.sector ?? null,
    reporterName: identity.name,
    reporterOrganisation: identity.organisation,
    reporterContact: identity.contact,
    reporterRelationship: input.reporter.relationship ?? null,
    submittedByOrganisationId: ctx.police?.organisationId ?? null,
    policeIncidentNumber: ctx.police?.incidentNumber ?? null,
    policeRestrainingOrderAdvice: ctx.police?.restrainingOrderAdvice ?? null,
    municipalityCode: input.municipalityCode,
    violenceTypes: input.violenceTypes,
    narrative: input.narrative,
    acuteConcern: input.acuteConcern,
    safetyAssessmentDue: deadlines.safetyAssessment,
    triageDue: deadlines.triage,
    earlierInvolvement: "first",
    recurrence: false,
    createdBy: ctx.userId,
    createdAt: now,
    updatedAt: now,
  });

  const personIdByKey = new Map<string, string>();
  for (const p of input.persons) {
    const personId = randomUUID();
    personIdByKey.set(p.key, personId);
    await tx.insert(persons).values({
      id: personId,
      createdAt: now,
      firstName: p.firstName ?? null,
      lastName: p.lastName ?? null,
      birthDate: p.birthDate ?? null,
      bsn: p.bsn ?? null,
      street: p.address?.street ?? null,
      houseNumber: p.address?.houseNumber ?? null,
      houseNumberKey: p.address?.houseNumber ? normaliseHouseNumber(p.address.houseNumber) : null,
      postcode: p.address?.postcode ? normalisePostcode(p.address.postcode) : null,
      city: p.address?.city ?? null,
      surnameKey: p.lastName ? surnameKey(p.lastName) : null,
      firstNameKey: p.firstName ? firstNameKey(p.firstName) : null,
      minor: p.minor ?? "unknown",
    });
    await tx
      .insert(reportPersons)
      .values({ reportId: id, personKey: p.key, personId, reportedPersonId: personId, role: p.role });
  }
  if (input.relations.length > 0) {
    await tx
      .insert(reportRelations)
      .values(input.relations.map((r) => ({ reportId: id, fromKey: r.from, toKey: r.to, type: r.type })))
      .onConflictDoNothing();
  }

  const newIds = [...personIdByKey.values()];
  const matches: CreatedReport["matches"] = [];
  for (const p of input.persons) {
    let resolved = false;
    const candidates = await findCandidates(
      tx,
      {
        ...(p.firstName ? { firstName: p.firstName } : {}),
        ...(p.lastName ? { lastName: p.lastName } : {}),
        ...(p.birthDate ? { birthDate: p.birthDate } : {}),
        ...(p.bsn ? { bsn: p.bsn } : {}),
        ...(p.address?.postcode ? { postcode: p.address.postcode } : {}),
        ...(p.address?.houseNumber ? { houseNumber: p.address.houseNumber } : {}),
      },
      newIds,
    );
    for (const candidate of candidates) {
      const household = await latestCaseOfPerson(tx, candidate.personId);
      // A BSN is certain: the report's person becomes the known person at once, exactly as a
      // confirmed name match does (one known person per reported person: the best BSN match).
      const certain = candidate.reasons.includes("bsn") && !resolved;
      if (certain) {
        resolved = true;
        await resolveReportPerson(tx, id, p.key, candidate.personId);
      }
      const matchId = randomUUID();
      await tx.insert(reportMatches).values({
        id: matchId,
        reportId: id,
        personKey: p.key,
        candidatePersonId: candidate.personId,
        caseId: household?.id ?? null,
        score: candidate.score,
        reasons: candidate.reasons,
        status: certain ? "confirmed" : "proposed",
        decidedAt: certain ? now : null,
      });
      matches.push({
        id: matchId,
        personKey: p.key,
        personId: candidate.personId,
        ...(household
          ? { caseId: household.id, caseReference: household.reference, caseStatus: household.status }
          : {}),
        score: candidate.score,
        reasons: candidate.reasons,
        status: certain ? "confirmed" : "proposed",
      });
    }
  }

  const earlier = await reclassifyEarlierInvolvement(tx, id, now, isClassifiable(input.persons));
  return {
    id,
    reference,
    kind: input.kind,
    status: "awaiting-assessment",
    deadlines,
    earlierInvolvement: earlier,
    personIds: newIds,
    matches,
  };
}

type EarlierInvolvementKind = "first" | "re-report" | "during-involvement" | "not-classified";

/**
 * Whether matching could tell if anyone is known: at least one person with a BSN, a birth date
 * or a full address. Without any, "first report" would be a guess: the report is not classified.
 */
export function isClassifiable(
  people: {
    bsn?: string | null | undefined;
    birthDate?: string | null | undefined;
    address?: { postcode?: string | undefined; houseNumber?: string | undefined } | undefined;
  }[],
): boolean {
  return people.some((p) => p.bsn || p.birthDate || (p.address?.postcode && p.address.houseNumber));
}

/** Recomputes and stores a report's earlier involvement from its confirmed matches. */
export async function reclassifyEarlierInvolvement(
  tx: Db,
  reportId: string,
  now: Date,
  classifiable?: boolean,
): Promise<EarlierInvolvementKind> {
  const confirmed = await tx
    .selectDistinct({ personId: reportMatches.candidatePersonId })
    .from(reportMatches)
    .where(and(eq(reportMatches.reportId, reportId), eq(reportMatches.status, "confirmed")));
  const known = await knownInvolvements(
    tx,
    confirmed.map((c) => c.personId),
    reportId,
  );
  const canClassify = classifiable ?? (await isReportClassifiable(tx, reportId));
  const result = classifyEarlierInvolvement(known, now, canClassify);
  await tx
    .update(reports)
    .set({
      earlierInvolvement: result.kind,
      earlierInvolvementDetail: "detail" in result ? result.detail : null,
      updatedAt: now,
    })
    .where(eq(reports.id, reportId));
  return result.kind;
}

async function isReportClassifiable(tx: Db, reportId: string): Promise<boolean> {
  const people = await tx
    .select({
      bsn: persons.bsn,
      birthDate: persons.birthDate,
      postcode: persons.postcode,
      houseNumber: persons.houseNumber,
    })
    .from(reportPersons)
    .innerJoin(persons, eq(persons.id, reportPersons.reportedPersonId))
    .where(eq(reportPersons.reportId, reportId));
  return isClassifiable(
    people.map((p) => ({
      bsn: p.bsn,
      birthDate: p.birthDate,
      address: {
        ...(p.postcode ? { postcode: p.postcode } : {}),
        ...(p.houseNumber ? { houseNumber: p.houseNumber } : {}),
      },
    })),
  );
}
