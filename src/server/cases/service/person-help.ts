import { randomUUID } from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { MinorAnswer } from "../../../shared/minors.ts";
import type { HelpKind, HelpRecord, NewHelp } from "../../../shared/person-help.ts";
import type { Principal } from "../../access/principal.ts";
import type { Db } from "../../db/client.ts";
import { casePersons, cases, organisations, personHelp, persons, users } from "../../db/schema.ts";
import { AppError, notFound } from "../../errors.ts";
import { recordCaseEvent } from "../events.ts";

type HelpRow = typeof personHelp.$inferSelect;

/** Calendar days from one `YYYY-MM-DD` date to another (dates, so no time zone enters). */
const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

async function requireOpenCase(tx: Db, caseId: string) {
  const [c] = await tx
    .select({ status: cases.status, regionId: cases.regionId })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!c) {
    throw notFound();
  }
  if (c.status !== "open") {
    throw new AppError("CONFLICT", "The case is closed; reopen it first.");
  }
  return c;
}

/** A person of this case's household, or 404 (a person of another case is not the caller's). */
async function householdMember(tx: Db, caseId: string, personId: string) {
  const [member] = await tx
    .select({ birthDate: persons.birthDate, minor: persons.minor })
    .from(casePersons)
    .innerJoin(persons, eq(persons.id, casePersons.personId))
    .where(and(eq(casePersons.caseId, caseId), eq(casePersons.personId, personId)));
  if (!member) {
    throw notFound();
  }
  return member;
}

export function presentHelp(row: HelpRow, recorderName: string | null): HelpRecord {
  const status = row.withdrawnAt
    ? "withdrawn"
    : row.endedOn
      ? "ended"
      : row.startedOn
        ? "started"
        : "offered";
  return {
    id: row.id,
    personId: row.personId,
    kind: row.kind as HelpKind,
    description: row.description,
    providerOrganisationId: row.providerOrganisationId,
    providerName: row.providerName,
    status,
    offeredOn: row.offeredOn,
    startedOn: row.startedOn,
    endedOn: row.endedOn,
    waitingDays: row.startedOn ? daysBetween(row.offeredOn, row.startedOn) : null,
    recordedBy: { userId: row.recordedBy, name: recorderName, organisationId: row.recordedByOrganisationId },
    recordedAt: row.recordedAt.toISOString(),
    startedRecordedAt: row.startedRecordedAt?.toISOString() ?? null,
    endedRecordedAt: row.endedRecordedAt?.toISOString() ?? null,
    withdrawn: row.withdrawnAt
      ? { at: row.withdrawnAt.toISOString(), byUserId: row.withdrawnBy, reason: row.withdrawnReason ?? "" }
      : null,
  };
}

/** Every help record of the case, oldest offer first, with who recorded it. */
export async function helpOfCase(tx: Db, caseId: string): Promise<HelpRecord[]> {
  const rows = await tx
    .select({ h: personHelp, name: users.displayName })
    .from(personHelp)
    .leftJoin(users, eq(users.id, personHelp.recordedBy))
    .where(eq(personHelp.caseId, caseId))
    .orderBy(asc(personHelp.offeredOn), asc(personHelp.recordedAt));
  return rows.map(({ h, name }) => presentHelp(h, name));
}

/** Records help offered (and perhaps already started) to one person of the household. */
export async function recordHelp(
  tx: Db,
  principal: Principal,
  caseId: string,
  personId: string,
  input: NewHelp,
): Promise<HelpRecord> {
  const c = await requireOpenCase(tx, caseId);
  await householdMember(tx, caseId, personId);
  if (input.providerOrganisationId !== undefined) {
    const [provider] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.id, input.providerOrganisationId), eq(organisations.regionId, c.regionId)));
    if (!provider) {
      throw new AppError("INVALID_INPUT", "The organisation giving the help is not known in this region.", {
        errors: [{ path: "providerOrganisationId", message: "not an organisation of this region" }],
      });
    }
  }
  const now = new Date();
  const row: HelpRow = {
    id: randomUUID(),
    caseId,
    personId,
    kind: input.kind,
    description: input.description,
    providerOrganisationId: input.providerOrganisationId ?? null,
    providerName: input.providerName ?? null,
    offeredOn: input.offeredOn,
    startedOn: input.startedOn ?? null,
    startedRecordedBy: input.startedOn ? principal.userId : null,
    startedRecordedAt: input.startedOn ? now : null,
    endedOn: null,
    endedRecordedBy: null,
    endedRecordedAt: null,
    withdrawnAt: null,
    withdrawnBy: null,
    withdrawnReason: null,
    recordedBy: principal.userId,
    recordedByOrganisationId: principal.organisationId,
    recordedAt: now,
  };
  await tx.insert(personHelp).values(row);
  await recordCaseEvent(tx, caseId, principal, "help-offered", {
    at: now,
    details: { personId, helpId: row.id, kind: input.kind, offeredOn: input.offeredOn },
  });
  if (input.startedOn) {
    await recordCaseEvent(tx, caseId, principal, "help-started", {
      at: now,
      details: { personId, helpId: row.id, startedOn: input.startedOn },
    });
  }
  return presentHelp(row, principal.displayName);
}

async function helpOfThisCase(tx: Db, caseId: string, helpId: string): Promise<HelpRow> {
  await requireOpenCase(tx, caseId);
  const [row] = await tx
    .select()
    .from(personHelp)
    .where(and(eq(personHelp.id, helpId), eq(personHelp.caseId, caseId)));
  if (!row) {
    throw notFound();
  }
  if (row.withdrawnAt) {
    throw new AppError("CONFLICT", "This help record was withdrawn; record the help anew.");
  }
  return row;
}

async function reread(tx: Db, helpId: string): Promise<HelpRecord> {
  const [row] = await tx
    .select({ h: personHelp, name: users.displayName })
    .from(personHelp)
    .leftJoin(users, eq(users.id, personHelp.recordedBy))
    .where(eq(personHelp.id, helpId));
  if (!row) {
    throw notFound();
  }
  return presentHelp(row.h, row.name);
}

/** Records once that the help started; a second start (or a parallel one) is a 409. */
export async function startHelp(
  tx: Db,
  principal: Principal,
  caseId: string,
  helpId: string,
  startedOn: string,
) {
  const row = await helpOfThisCase(tx, caseId, helpId);
  if (startedOn < row.offeredOn) {
    throw new AppError("INVALID_INPUT", "Help cannot start before it was offered.", {
      errors: [{ path: "startedOn", message: `on or after ${row.offeredOn}` }],
    });
  }
  const now = new Date();
  const updated = await tx
    .update(personHelp)
    .set({ startedOn, startedRecordedBy: principal.userId, startedRecordedAt: now })
    .where(and(eq(personHelp.id, helpId), isNull(personHelp.startedOn), isNull(personHelp.withdrawnAt)))
    .returning({ id: personHelp.id });
  if (updated.length === 0) {
    throw new AppError("CONFLICT", "The start of this help was already recorded.");
  }
  await recordCaseEvent(tx, caseId, principal, "help-started", {
    at: now,
    details: { personId: row.personId, helpId, startedOn },
  });
  return reread(tx, helpId);
}

/** Records once that the help ended; it must have started. */
export async function endHelp(tx: Db, principal: Principal, caseId: string, helpId: string, endedOn: string) {
  const row = await helpOfThisCase(tx, caseId, helpId);
  if (!row.startedOn) {
    throw new AppError("CONFLICT", "Record the start of the help before its end.");
  }
  if (endedOn < row.startedOn) {
    throw new AppError("INVALID_INPUT", "Help cannot end before it started.", {
      errors: [{ path: "endedOn", message: `on or after ${row.startedOn}` }],
    });
  }
  const now = new Date();
  const updated = await tx
    .update(personHelp)
    .set({ endedOn, endedRecordedBy: principal.userId, endedRecordedAt: now })
    .where(and(eq(personHelp.id, helpId), isNull(personHelp.endedOn), isNull(personHelp.withdrawnAt)))
    .returning({ id: personHelp.id });
  if (updated.length === 0) {
    throw new AppError("CONFLICT", "The end of this help was already recorded.");
  }
  await recordCaseEvent(tx, caseId, principal, "help-ended", {
    at: now,
    details: { personId: row.personId, helpId, endedOn },
  });
  return reread(tx, helpId);
}

/** Withdraws a record made in error, with the reason; the record itself stays. */
export async function withdrawHelp(
  tx: Db,
  principal: Principal,
  caseId: string,
  helpId: string,
  reason: string,
) {
  const row = await helpOfThisCase(tx, caseId, helpId);
  const now = new Date();
  const updated = await tx
    .update(personHelp)
    .set({ withdrawnAt: now, withdrawnBy: principal.userId, withdrawnReason: reason })
    .where(and(eq(personHelp.id, helpId), isNull(personHelp.withdrawnAt)))
    .returning({ id: personHelp.id });
  if (updated.length === 0) {
    throw new AppError("CONFLICT", "This help record was already withdrawn.");
  }
  await recordCaseEvent(tx, caseId, principal, "help-withdrawn", {
    at: now,
    reason,
    details: { personId: row.personId, helpId },
  });
  return reread(tx, helpId);
}

/**
 * Sets whether a person without a birth date is a minor. With a birth date the date decides, so
 * a stated answer would say nothing: 409.
 */
export async function setMinorStatus(
  tx: Db,
  principal: Principal,
  caseId: string,
  personId: string,
  minor: MinorAnswer,
  reason: string,
) {
  await requireOpenCase(tx, caseId);
  const member = await householdMember(tx, caseId, personId);
  if (member.birthDate) {
    throw new AppError("CONFLICT", "The person's birth date decides whether they are a minor.", {
      type: "birth-date-decides",
    });
  }
  if (member.minor === minor) {
    throw new AppError("CONFLICT", `The minor status is already ${minor}.`);
  }
  await tx.update(persons).set({ minor }).where(eq(persons.id, personId));
  await recordCaseEvent(tx, caseId, principal, "minor-status-set", {
    reason,
    details: { personId, from: member.minor, to: minor },
  });
  return { personId, minor };
}
