import { useCallback, useEffect, useRef, useState } from "react";
import { useSession } from "../session/session-context";
import { browserDraftStorage, readDraft, removeDraft, writeDraft } from "./draft-store";

export interface KeptDraft {
  /** The form was filled from input kept before (e.g. before the session expired). */
  restored: boolean;
  /** Forgets the kept input: call it once the form is saved. */
  discard: () => void;
}

interface Options<T> {
  /** Whether the value is what the form starts with (nothing to keep); by default: equal to the first value. */
  isPristine?: (value: T) => boolean;
}

/**
 * Keeps a form's unsaved input in the tab's session storage while it is typed, per user and
 * form, and gives it back to `restore` when the form opens again, e.g. after a new login.
 * `form` names the form and what it is about (e.g. `journal:<case id>`); `value` is all the
 * form holds, as plain JSON data. The input is forgotten on `discard()` (after saving) and on
 * logout; files are not kept.
 */
export function useKeptDraft<T>(
  form: string,
  value: T,
  restore: (kept: T) => void,
  options: Options<T> = {},
): KeptDraft {
  const { session } = useSession();
  const userId = session.status === "authenticated" ? session.user.id : undefined;
  const json = JSON.stringify(value);
  const current = useRef({ json, value });
  current.current = { json, value };
  const initialJson = useRef(json);
  const restoreRef = useRef(restore);
  restoreRef.current = restore;
  const isPristineRef = useRef(options.isPristine);
  isPristineRef.current = options.isPristine;
  // Until the restored input has rendered, the form still shows what it started with: not kept.
  const restoringFrom = useRef<string | null>(null);
  const discardedJson = useRef<string | null>(null);
  // After a save the form resets its fields; what it resets to is no draft either, else a form
  // rebuilt after the save would offer the half-cleared input back as "kept".
  const resetPending = useRef(false);
  const [discards, setDiscards] = useState(0);
  const ready = useRef(false);
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    ready.current = false;
    const storage = browserDraftStorage();
    if (userId === undefined || storage === undefined) {
      return;
    }
    const kept = readDraft(storage, userId, form);
    if (kept !== undefined && JSON.stringify(kept) !== current.current.json) {
      restoringFrom.current = current.current.json;
      restoreRef.current(kept as T);
      setRestored(true);
    }
    ready.current = true;
  }, [userId, form]);

  useEffect(() => {
    const storage = browserDraftStorage();
    if (userId === undefined || storage === undefined || !ready.current) {
      return;
    }
    if (restoringFrom.current !== null) {
      if (json === restoringFrom.current) {
        return;
      }
      restoringFrom.current = null;
    }
    if (resetPending.current && discards > 0) {
      resetPending.current = false;
      discardedJson.current = json;
      removeDraft(storage, userId, form);
      return;
    }
    if (json === discardedJson.current) {
      return;
    }
    const { value: now } = current.current;
    const pristine =
      isPristineRef.current === undefined ? json === initialJson.current : isPristineRef.current(now);
    if (pristine) {
      removeDraft(storage, userId, form);
    } else {
      writeDraft(storage, userId, form, now);
    }
  }, [json, userId, form, discards]);

  const discard = useCallback(() => {
    const storage = browserDraftStorage();
    if (storage !== undefined && userId !== undefined) {
      removeDraft(storage, userId, form);
    }
    discardedJson.current = current.current.json;
    resetPending.current = true;
    setDiscards((n) => n + 1);
    setRestored(false);
  }, [userId, form]);

  return { restored, discard };
}
