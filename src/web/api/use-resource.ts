import { useCallback, useEffect, useRef, useState } from "react";
import { useSession } from "../session/session-context";
import { ApiError } from "./client";

/** What a page knows about data it loads: still loading, there, absent (404), or failed. */
export type Resource<T> =
  | { status: "loading" }
  | { status: "loaded"; data: T }
  | { status: "not-found" }
  | { status: "failed"; error: unknown };

/**
 * Loads data for a page and reloads it on request. `key` names what is loaded: when it changes
 * the page starts again from "loading"; `reload()` keeps showing the current data until the new
 * answer is there, so that focus and scroll position survive an update after an action.
 * A 401 ends the session (the login page then explains it expired).
 */
export function useResource<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): { resource: Resource<T>; reload: () => void } {
  const { expire } = useSession();
  const [resource, setResource] = useState<Resource<T>>({ status: "loading" });
  const [version, setVersion] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const loadedKey = useRef<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    if (loadedKey.current !== key) {
      setResource({ status: "loading" });
    }
    // The version only tells the effect to run again.
    void version;
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) {
          loadedKey.current = key;
          setResource({ status: "loaded", data });
        }
      },
      (error: unknown) => {
        if (controller.signal.aborted) {
          return;
        }
        if (error instanceof ApiError && error.status === 401) {
          expire();
          return;
        }
        loadedKey.current = key;
        setResource(
          error instanceof ApiError && error.status === 404
            ? { status: "not-found" }
            : { status: "failed", error },
        );
      },
    );
    return () => {
      controller.abort();
    };
  }, [key, version, expire]);

  const reload = useCallback(() => {
    setVersion((current) => current + 1);
  }, []);

  return { resource, reload };
}
