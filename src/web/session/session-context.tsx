import { useQueryClient } from "@tanstack/react-query";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { SessionResponse, SessionUser } from "../../shared/auth";
import { fetchSession, logOut } from "../api/auth";
import { setCsrfToken } from "../api/client";
import { noteSessionActivity } from "../api/session-activity";
import { browserDraftStorage, clearDrafts } from "../forms/draft-store";
import { type SessionClock, sessionClockOf } from "./session-clock";

/** Why nobody is logged in: decides what the login page tells the user. */
export type AnonymousReason = "initial" | "logged-out" | "expired";

export type SessionState =
  | { status: "loading" }
  | { status: "unavailable" }
  | { status: "anonymous"; reason: AnonymousReason }
  | { status: "authenticated"; user: SessionUser };

interface SessionContextValue {
  session: SessionState;
  /** Starts the session the login answer describes. */
  signIn: (response: SessionResponse) => void;
  /** Logs out on the server, then locally. Throws when the server could not be reached. */
  signOut: () => Promise<void>;
  /** Marks the session as ended after the server answered 401 to a request. */
  expire: () => void;
  /** Asks the server again who is logged in (after the server was unreachable). */
  reload: () => void;
  /** When the session ends, as far as the server told; null when nobody is logged in. */
  clock: SessionClock | null;
  /** Starts the session's idle time again (GET /auth/me); ends the session when the server says it has. */
  stayLoggedIn: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Holds who is logged in, learned from GET /auth/me on load and kept up to date by login and logout. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: "loading" });
  const [clock, setClock] = useState<SessionClock | null>(null);
  const queryClient = useQueryClient();
  // Only the answer to the latest /auth/me request may set the state.
  const latestRequest = useRef(0);

  const load = useCallback(() => {
    latestRequest.current += 1;
    const request = latestRequest.current;
    setSession({ status: "loading" });
    const sentAt = Date.now();
    fetchSession().then(
      (response) => {
        if (request === latestRequest.current) {
          setClock(response === null ? null : sessionClockOf(response.session, sentAt));
          setSession(
            response === null
              ? { status: "anonymous", reason: "initial" }
              : { status: "authenticated", user: response.user },
          );
        }
      },
      () => {
        if (request === latestRequest.current) {
          setSession({ status: "unavailable" });
        }
      },
    );
  }, []);

  useEffect(() => {
    load();
  }, [load]);

  const signIn = useCallback(
    (response: SessionResponse) => {
      latestRequest.current += 1;
      const now = Date.now();
      noteSessionActivity(now);
      setCsrfToken(response.csrfToken);
      // Another user's unsaved input is never shown here; this user's comes back in its form.
      const storage = browserDraftStorage();
      if (storage !== undefined) {
        clearDrafts(storage, response.user.id);
      }
      setClock(sessionClockOf(response.session, now));
      // Nothing read for one user is ever shown to the next on the same computer.
      queryClient.clear();
      setSession({ status: "authenticated", user: response.user });
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    await logOut();
    latestRequest.current += 1;
    // Logging out on purpose leaves nothing typed behind on this computer.
    const storage = browserDraftStorage();
    if (storage !== undefined) {
      clearDrafts(storage);
    }
    setClock(null);
    queryClient.clear();
    setSession({ status: "anonymous", reason: "logged-out" });
  }, [queryClient]);

  const expire = useCallback(() => {
    latestRequest.current += 1;
    setCsrfToken(undefined);
    setClock(null);
    queryClient.clear();
    setSession({ status: "anonymous", reason: "expired" });
  }, [queryClient]);

  const stayLoggedIn = useCallback(async () => {
    const sentAt = Date.now();
    const response = await fetchSession();
    if (response === null) {
      expire();
      return;
    }
    setClock(sessionClockOf(response.session, sentAt));
  }, [expire]);

  const value = useMemo(
    () => ({ session, signIn, signOut, expire, reload: load, clock, stayLoggedIn }),
    [session, signIn, signOut, expire, load, clock, stayLoggedIn],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

/** The session context; only valid below SessionProvider. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (value === null) {
    throw new Error("useSession must be used inside SessionProvider");
  }
  return value;
}

/** The logged-in user; only valid on pages behind RequireSession. */
export function useAuthenticatedUser(): SessionUser {
  const { session } = useSession();
  if (session.status !== "authenticated") {
    throw new Error("useAuthenticatedUser must be used on a page that requires a session");
  }
  return session.user;
}
