/*
 * When this browser last sent a request that used the session: every such request starts the
 * server's idle time again, so the web app can tell when the session will end. Kept in
 * localStorage (a time only, no personal data) so that all tabs of the session agree.
 */

const storageKey = "schakel.session.lastActivity";
let inMemory = 0;
const listeners = new Set<() => void>();

function stored(): number {
  try {
    const value = Number(globalThis.localStorage?.getItem(storageKey) ?? "0");
    return Number.isFinite(value) ? value : 0;
  } catch {
    return 0;
  }
}

/** Records that a request using the session starts now. */
export function noteSessionActivity(at = Date.now()): void {
  inMemory = Math.max(inMemory, at);
  try {
    globalThis.localStorage?.setItem(storageKey, String(inMemory));
  } catch {
    // Storage may be off; this tab still knows.
  }
  for (const listener of listeners) {
    listener();
  }
}

/** The latest request of any tab that used the session (milliseconds since the epoch). */
export function lastSessionActivity(): number {
  return Math.max(inMemory, stored());
}

/** Calls `listener` on activity in this tab or another; answers the unsubscribe. */
export function onSessionActivity(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === storageKey) {
      listener();
    }
  };
  globalThis.addEventListener?.("storage", onStorage);
  return () => {
    listeners.delete(listener);
    globalThis.removeEventListener?.("storage", onStorage);
  };
}
