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
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Holds who is logged in, learned from GET /auth/me on load and kept up to date by login and logout. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: "loading" });
  // Only the answer to the latest /auth/me request may set the state.
  const latestRequest = useRef(0);

  const load = useCallback(() => {
    latestRequest.current += 1;
    const request = latestRequest.current;
    setSession({ status: "loading" });
    fetchSession().then(
      (response) => {
        if (request === latestRequest.current) {
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

  const signIn = useCallback((response: SessionResponse) => {
    latestRequest.current += 1;
    setCsrfToken(response.csrfToken);
    setSession({ status: "authenticated", user: response.user });
  }, []);

  const signOut = useCallback(async () => {
    await logOut();
    latestRequest.current += 1;
    setSession({ status: "anonymous", reason: "logged-out" });
  }, []);

  const expire = useCallback(() => {
    latestRequest.current += 1;
    setCsrfToken(undefined);
    setSession({ status: "anonymous", reason: "expired" });
  }, []);

  const value = useMemo(
    () => ({ session, signIn, signOut, expire, reload: load }),
    [session, signIn, signOut, expire, load],
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
