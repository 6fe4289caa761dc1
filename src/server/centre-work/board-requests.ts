import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { BoardRequest } from "../../shared/centre-work.ts";
import type { Principal } from "../access/principal.ts";
import { recordCaseEvent } from "../cases/events.ts";
import type { Db } from "../db/client.ts";
import { boardRequests, cases, users } from "../db/schema.ts";
import { AppError, notFound } from "../errors.ts";

type Row = typeof boardRequests.$inferSelect;

async function present(tx: Db, rows: Row[]): Promise<BoardRequest[]> {
  const userIds = [...new Set(rows.map((r) => r.requestedBy))];
  const names =
    userIds.length === 0
      ? []
      : await tx
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(inArray(users.id, userIds));
  return rows.map((r) => {
    const name = names.find((n) => n.id === r.requestedBy)?.name;
    return {
      id: r.id,
      caseId: r.caseId,
      requestedOn: r.requestedOn,
      question: r.question,
      requestedBy: {
        userId: r.requestedBy,
        organisationId: r.requestedByOrganisationId,
        ...(name ? { name } : {}),
      },
      answer:
        r.answeredOn && r.outcome && r.answer
          ? { answeredOn: r.answeredOn, outcome: r.outcome as "declined", text: r.answer }
          : null,
    };
  });
}

export async function boardRequestsOf(tx: Db, caseId: string): Promise<BoardRequest[]> {
  return present(
    tx,
    await tx
      .select()
      .from(boardRequests)
      .where(eq(boardRequests.caseId, caseId))
      .orderBy(asc(boardRequests.requestedAt)),
  );
}

export async function boardRequestById(tx: Db, id: string) {
  const [row] = await tx.select().from(boardRequests).where(eq(boardRequests.id, id));
  return row;
}

/** Records a request to the child protection board to investigate: when, the question, by whom. */
export async function requestBoardInvestigation(
  tx: Db,
  principal: Principal,
  caseId: string,
  input: { requestedOn: string; question: string },
): Promise<BoardRequest> {
  const [c] = await tx
    .select({ status: cases.status, createdAt: cases.createdAt })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!c) {
    throw notFound();
  }
  if (c.status !== "open") {
    throw new AppError("CONFLICT", "The case is closed; reopen it first.");
  }
  const now = new Date();
  const row: Row = {
    id: randomUUID(),
    caseId,
    requestedOn: input.requestedOn,
    question: input.question,
    requestedBy: principal.userId,
    requestedByOrganisationId: principal.organisationId,
    requestedAt: now,
    answeredOn: null,
    outcome: null,
    answer: null,
    answerRecordedBy: null,
    answerRecordedAt: null,
  };
  await tx.insert(boardRequests).values(row);
  await recordCaseEvent(tx, caseId, principal, "board-investigation-requested", {
    at: now,
    details: { boardRequestId: row.id, requestedOn: input.requestedOn },
  });
  return (await present(tx, [row]))[0] as BoardRequest;
}

/** Records the board's answer: when, its outcome and its text. Once (409 after). */
export async function answerBoardRequest(
  tx: Db,
  principal: Principal,
  id: string,
  input: { answeredOn: string; outcome: string; text: string },
): Promise<BoardRequest> {
  const row = await boardRequestById(tx, id);
  if (!row) {
    throw notFound();
  }
  if (input.answeredOn < row.requestedOn) {
    throw new AppError("INVALID_INPUT", "The answer cannot come before the request.", {
      errors: [{ path: "answeredOn", message: `on or after ${row.requestedOn}` }],
    });
  }
  const now = new Date();
  const [answered] = await tx
    .update(boardRequests)
    .set({
      answeredOn: input.answeredOn,
      outcome: input.outcome,
      answer: input.text,
      answerRecordedBy: principal.userId,
      answerRecordedAt: now,
    })
    .where(and(eq(boardRequests.id, id), isNull(boardRequests.answeredOn)))
    .returning();
  if (!answered) {
    throw new AppError("CONFLICT", "The board's answer is already recorded.");
  }
  await recordCaseEvent(tx, row.caseId, principal, "board-investigation-answered", {
    at: now,
    details: { boardRequestId: id, answeredOn: input.answeredOn, outcome: input.outcome },
  });
  return (await present(tx, [answered]))[0] as BoardRequest;
}
