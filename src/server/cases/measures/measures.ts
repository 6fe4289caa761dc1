import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { dateInAmsterdam } from "../../../shared/calendar/working-days.ts";
import type { Principal } from "../../access/principal.ts";
import type { Db } from "../../db/client.ts";
import { casePersons, cases, persons, restrainingOrders, shelterStays } from "../../db/schema.ts";
import { AppError, notFound } from "../../errors.ts";
import { recordCaseEvent } from "../events.ts";
import { joinAsShelter, requireShelterOfRegion } from "../network/partnerships.ts";
import { initialEndOn, isActiveOn, latestEndOn } from "./restraining-order-period.ts";

async function requireOpenCase(tx: Db, caseId: string) {
  const [c] = await tx.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId));
  if (!c) {
    throw notFound();
  }
  if (c.status !== "open") {
    throw new AppError("CONFLICT", "The case is closed; reopen it first.");
  }
}

const ageOn = (birthDate: string, day: string): number =>
  Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (day.slice(5) < birthDate.slice(5) ? 1 : 0);

export function presentRestrainingOrder(r: typeof restrainingOrders.$inferSelect, today: string) {
  return {
    id: r.id,
    caseId: r.caseId,
    personId: r.personId,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    extended: r.extendedAt !== null,
    latestEndOn: latestEndOn(r.startsOn),
    active: r.liftedAt === null && isActiveOn(r, today),
    lifted: r.liftedAt !== null,
    recordedByOrganisationId: r.recordedByOrganisationId,
  };
}

export function presentShelterStay(s: typeof shelterStays.$inferSelect, today: string) {
  return {
    id: s.id,
    caseId: s.caseId,
    personIds: s.personIds,
    kind: s.kind as "crisis" | "follow-on" | "other",
    startsOn: s.startsOn,
    endedOn: s.endedOn,
    active: s.startsOn <= today && s.endedOn === null,
    recordedByOrganisationId: s.recordedByOrganisationId,
    shelterOrganisationId: s.shelterOrganisationId,
  };
}

/** The mayor's temporary restraining order on an adult of the household, for 10 days. */
export async function recordRestrainingOrder(
  tx: Db,
  principal: Principal,
  caseId: string,
  input: { startsOn: string; personId: string },
) {
  await requireOpenCase(tx, caseId);
  const [member] = await tx
    .select({ birthDate: persons.birthDate })
    .from(casePersons)
    .innerJoin(persons, eq(persons.id, casePersons.personId))
    .where(and(eq(casePersons.caseId, caseId), eq(casePersons.personId, input.personId)));
  if (!member) {
    throw new AppError("INVALID_INPUT", "The person is not part of this household.", {
      errors: [{ path: "personId", message: "not a person of this case" }],
    });
  }
  if (member.birthDate && ageOn(member.birthDate, input.startsOn) < 18) {
    throw new AppError("INVALID_INPUT", "A restraining order is imposed on an adult.", {
      errors: [{ path: "personId", message: "under 18 on the start date" }],
    });
  }
  const now = new Date();
  const row = {
    id: randomUUID(),
    caseId,
    personId: input.personId,
    startsOn: input.startsOn,
    endsOn: initialEndOn(input.startsOn),
    extendedAt: null,
    extendedBy: null,
    liftedAt: null,
    liftedBy: null,
    liftReason: null,
    recordedBy: principal.userId,
    recordedByOrganisationId: principal.organisationId,
    recordedAt: now,
  };
  await tx.insert(restrainingOrders).values(row);
  await recordCaseEvent(tx, caseId, principal, "restraining-order-recorded", {
    at: now,
    details: {
      restrainingOrderId: row.id,
      personId: input.personId,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
    },
  });
  return presentRestrainingOrder(row, dateInAmsterdam(now));
}

export async function restrainingOrderById(tx: Db, id: string) {
  const [r] = await tx.select().from(restrainingOrders).where(eq(restrainingOrders.id, id));
  return r;
}

/** Extends a running order, by default to four weeks after imposition and never beyond. */
export async function extendRestrainingOrder(
  tx: Db,
  principal: Principal,
  id: string,
  until: string | undefined,
) {
  const order = await restrainingOrderById(tx, id);
  if (!order) {
    throw notFound();
  }
  const now = new Date();
  const today = dateInAmsterdam(now);
  if (order.liftedAt || (!isActiveOn(order, today) && order.startsOn <= today)) {
    throw new AppError("CONFLICT", "The restraining order has ended; only a running order can be extended.");
  }
  const latest = latestEndOn(order.startsOn);
  const endsOn = until ?? latest;
  if (endsOn > latest || endsOn <= order.endsOn) {
    throw new AppError(
      "INVALID_INPUT",
      "An extension ends after the current end and at most 28 days after imposition.",
      {
        errors: [{ path: "endsOn", message: `between ${order.endsOn} (exclusive) and ${latest}` }],
      },
    );
  }
  await tx
    .update(restrainingOrders)
    .set({ endsOn, extendedAt: now, extendedBy: principal.userId })
    .where(eq(restrainingOrders.id, id));
  await recordCaseEvent(tx, order.caseId, principal, "restraining-order-extended", {
    at: now,
    details: { restrainingOrderId: id, endsOn },
  });
  return presentRestrainingOrder({ ...order, endsOn, extendedAt: now, extendedBy: principal.userId }, today);
}

/** The mayor lifted the order before its end: it no longer applies (the period as imposed stays). */
export async function liftRestrainingOrder(tx: Db, principal: Principal, id: string, reason: string) {
  const order = await restrainingOrderById(tx, id);
  if (!order) {
    throw notFound();
  }
  await requireOpenCase(tx, order.caseId);
  const now = new Date();
  const today = dateInAmsterdam(now);
  const [lifted] =
    today > order.endsOn
      ? []
      : await tx
          .update(restrainingOrders)
          .set({ liftedAt: now, liftedBy: principal.userId, liftReason: reason })
          .where(and(eq(restrainingOrders.id, id), isNull(restrainingOrders.liftedAt)))
          .returning();
  if (!lifted) {
    throw new AppError("CONFLICT", "Only an order that has not ended or been lifted can be lifted.");
  }
  await recordCaseEvent(tx, order.caseId, principal, "restraining-order-lifted", {
    at: now,
    reason,
    details: { restrainingOrderId: id },
  });
  return presentRestrainingOrder(lifted, today);
}

export async function startShelterStay(
  tx: Db,
  principal: Principal,
  caseId: string,
  input: {
    personIds: string[];
    kind: "crisis" | "follow-on" | "other";
    startsOn: string;
    shelterOrganisationId?: string | undefined;
  },
) {
  await requireOpenCase(tx, caseId);
  if (input.shelterOrganisationId) {
    await requireShelterOfRegion(tx, caseId, input.shelterOrganisationId);
  }
  const ids = [...new Set(input.personIds)];
  const members = await tx
    .select({ id: casePersons.personId })
    .from(casePersons)
    .where(and(eq(casePersons.caseId, caseId), inArray(casePersons.personId, ids)));
  if (members.length !== ids.length) {
    throw new AppError("INVALID_INPUT", "Every person must be part of this household.", {
      errors: [{ path: "personIds", message: "names a person who is not part of this case" }],
    });
  }
  const now = new Date();
  const row = {
    id: randomUUID(),
    caseId,
    personIds: ids,
    kind: input.kind,
    startsOn: input.startsOn,
    endedOn: null,
    recordedBy: principal.userId,
    recordedByOrganisationId: principal.organisationId,
    recordedAt: now,
    endedBy: null,
    shelterOrganisationId: input.shelterOrganisationId?.toLowerCase() ?? null,
  };
  await tx.insert(shelterStays).values(row);
  await recordCaseEvent(tx, caseId, principal, "shelter-stay-started", {
    at: now,
    details: {
      shelterStayId: row.id,
      kind: input.kind,
      personIds: ids,
      startsOn: input.startsOn,
      shelterOrganisationId: row.shelterOrganisationId,
    },
  });
  if (row.shelterOrganisationId) {
    await joinAsShelter(tx, principal, caseId, row.shelterOrganisationId, row.id, now);
  }
  return presentShelterStay(row, dateInAmsterdam(now));
}

export async function shelterStayById(tx: Db, id: string) {
  const [s] = await tx.select().from(shelterStays).where(eq(shelterStays.id, id));
  return s;
}

export async function endShelterStay(tx: Db, principal: Principal, id: string, endedOn: string | undefined) {
  const stay = await shelterStayById(tx, id);
  if (!stay) {
    throw notFound();
  }
  if (stay.endedOn) {
    throw new AppError("CONFLICT", "The stay has already ended.");
  }
  const now = new Date();
  const today = dateInAmsterdam(now);
  const end = endedOn ?? today;
  if (end < stay.startsOn) {
    throw new AppError("INVALID_INPUT", "A stay cannot end before it started.", {
      errors: [{ path: "endedOn", message: `on or after ${stay.startsOn}` }],
    });
  }
  await tx
    .update(shelterStays)
    .set({ endedOn: end, endedBy: principal.userId })
    .where(eq(shelterStays.id, id));
  await recordCaseEvent(tx, stay.caseId, principal, "shelter-stay-ended", {
    at: now,
    details: { shelterStayId: id, endedOn: end, shelterOrganisationId: stay.shelterOrganisationId },
  });
  return presentShelterStay({ ...stay, endedOn: end }, today);
}
