import type { JournalVisibility } from "../../shared/journal.ts";

/** Who is reading: the user, their organisation, and the case's director (null when none). */
export interface JournalViewer {
  userId: string;
  organisationId: string;
  directorUserId: string | null;
}

/** What decides who may read an entry. */
export interface EntryAudience {
  visibility: JournalVisibility;
  authorUserId: string;
  authorOrganisationId: string;
}

/**
 * Whether a viewer whose organisation is involved in the case may read this entry. The list and
 * the single-entry queries apply the same rule in SQL (queries.ts: `visibleTo`); this is the
 * rule in words, tested on its own.
 */
export function maySeeEntry(entry: EntryAudience, viewer: JournalViewer): boolean {
  switch (entry.visibility) {
    case "network":
      return true;
    case "organisation":
      return entry.authorOrganisationId === viewer.organisationId;
    case "director":
      return entry.authorUserId === viewer.userId || viewer.directorUserId === viewer.userId;
  }
}

export type CorrectionRefusal =
  | { status: "forbidden"; detail: string }
  | { status: "invalid"; path: string; message: string };

/**
 * May this user correct this entry (which they can see)? Only its author's organisation
 * corrects it — for an entry for the director, only its author — so that the correction reaches
 * exactly the readers of the entry it corrects. The correction keeps the entry's visibility.
 * Answers null when allowed.
 */
export function refuseCorrection(
  original: EntryAudience,
  corrector: { userId: string; organisationId: string },
  visibility: JournalVisibility,
): CorrectionRefusal | null {
  if (original.authorOrganisationId !== corrector.organisationId) {
    return { status: "forbidden", detail: "Only the organisation that wrote an entry corrects it." };
  }
  if (original.visibility === "director" && original.authorUserId !== corrector.userId) {
    return { status: "forbidden", detail: "An entry for the director only is corrected by its author." };
  }
  if (visibility !== original.visibility) {
    return {
      status: "invalid",
      path: "visibility",
      message: `a correction keeps the visibility of the entry it corrects (${original.visibility})`,
    };
  }
  return null;
}

/** Persons named in an entry that are not of the case's household (each is a field problem). */
export function personsOutsideHousehold(
  personIds: readonly string[],
  household: readonly string[],
): number[] {
  const members = new Set(household.map((id) => id.toLowerCase()));
  return personIds.flatMap((id, index) => (members.has(id.toLowerCase()) ? [] : [index]));
}
