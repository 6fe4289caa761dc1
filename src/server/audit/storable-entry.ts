import { canonicalUuid } from "../../shared/uuid.ts";
import type { AuditContent } from "./chain.ts";

type Entry = Omit<AuditContent, "seq">;

/**
 * Text as PostgreSQL keeps it: NUL cannot be stored at all and an unpaired UTF-16 surrogate
 * reaches the database as U+FFFD, so both are replaced before the entry is hashed.
 */
export function storableText(value: string): string {
  return value.toWellFormed().replaceAll("\u0000", "\uFFFD");
}

const storableOptionalText = (value: string | null): string | null =>
  value === null ? null : storableText(value);

function storableUuid(value: string, field: string): string {
  const id = canonicalUuid(value);
  if (id === undefined) {
    // Never input's fault by the time it reaches the log: the route validated it, so a bug.
    throw new Error(`The audit entry's ${field} is not a UUID.`);
  }
  return id;
}

const storableOptionalUuid = (value: string | null, field: string): string | null =>
  value === null ? null : storableUuid(value, field);

/**
 * The entry exactly as the database will give it back, so that the hash over it still holds when
 * the chain is verified: ids in the uuid columns canonical (PostgreSQL lower-cases them), a subject
 * id that is a UUID canonical too (the column is text, so any other subject id stays as it is),
 * text without what PostgreSQL cannot store.
 */
export function storableEntry<T extends Entry>(entry: T): T {
  if (Number.isNaN(entry.at.getTime())) {
    throw new Error("The audit entry's time is not a valid instant.");
  }
  const subjectId = entry.subjectId === null ? null : storableText(entry.subjectId);
  return {
    ...entry,
    userId: storableOptionalUuid(entry.userId, "userId"),
    role: storableOptionalText(entry.role),
    organisationId: storableOptionalUuid(entry.organisationId, "organisationId"),
    onBehalfOf: storableOptionalText(entry.onBehalfOf),
    action: storableText(entry.action),
    subjectType: storableText(entry.subjectType),
    subjectId: subjectId === null ? null : (canonicalUuid(subjectId) ?? subjectId),
    caseId: storableOptionalUuid(entry.caseId, "caseId"),
    personIds: entry.personIds.map((id) => storableUuid(id, "personIds")),
    ground: storableOptionalText(entry.ground),
    remoteAddress: storableOptionalText(entry.remoteAddress),
    requestId: storableOptionalText(entry.requestId),
  };
}
