/*
 * Unsaved form input, kept in sessionStorage so that it survives an expired session: per tab,
 * gone when the tab closes, cleared on logout and on saving, and scoped to the user and the form,
 * so that on a shared computer the next user of the tab never sees it. Never in the URL.
 */

const prefix = "schakel.draft.";

/** The part of the Storage API the store uses. */
export type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

interface Kept {
  value: unknown;
  savedAt: number;
}

export const draftKey = (userId: string, form: string): string => `${prefix}${userId}.${form}`;

/** The kept input of this user's form, if there is any and it can be read. */
export function readDraft(storage: DraftStorage, userId: string, form: string): unknown {
  try {
    const text = storage.getItem(draftKey(userId, form));
    if (text === null) {
      return undefined;
    }
    const kept = JSON.parse(text) as Partial<Kept> | null;
    return kept !== null && typeof kept === "object" && "value" in kept ? kept.value : undefined;
  } catch {
    return undefined;
  }
}

export function writeDraft(storage: DraftStorage, userId: string, form: string, value: unknown): void {
  try {
    storage.setItem(draftKey(userId, form), JSON.stringify({ value, savedAt: Date.now() } satisfies Kept));
  } catch {
    // Storage full or off: the form still works, only the draft is not kept.
  }
}

export function removeDraft(storage: DraftStorage, userId: string, form: string): void {
  try {
    storage.removeItem(draftKey(userId, form));
  } catch {
    // Nothing was kept.
  }
}

/** Removes every kept draft, or those of users other than `keepUserId`. */
export function clearDrafts(storage: DraftStorage, keepUserId?: string): void {
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (
        key?.startsWith(prefix) &&
        (keepUserId === undefined || !key.startsWith(`${prefix}${keepUserId}.`))
      ) {
        keys.push(key);
      }
    }
    for (const key of keys) {
      storage.removeItem(key);
    }
  } catch {
    // Nothing to clear.
  }
}

/** The tab's sessionStorage, or undefined where there is none (or it is blocked). */
export function browserDraftStorage(): DraftStorage | undefined {
  try {
    return globalThis.sessionStorage ?? undefined;
  } catch {
    return undefined;
  }
}
