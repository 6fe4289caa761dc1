import { type LoginRequest, type SessionResponse, sessionResponseSchema } from "../../shared/auth";
import { ApiError, apiRequest, setCsrfToken } from "./client";

/** Logs in; the server sets the session cookie and the answer carries the CSRF token. */
export async function logIn(request: LoginRequest): Promise<SessionResponse> {
  const session = await apiRequest("/auth/login", {
    method: "POST",
    body: request,
    schema: sessionResponseSchema,
  });
  setCsrfToken(session.csrfToken);
  return session;
}

/** The current session, or null when the browser is not logged in (401). */
export async function fetchSession(): Promise<SessionResponse | null> {
  try {
    const session = await apiRequest("/auth/me", { schema: sessionResponseSchema });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

/** Ends the session on the server. A session that had already ended counts as logged out. */
export async function logOut(): Promise<void> {
  try {
    await apiRequest("/auth/logout", { method: "POST" });
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) {
      throw error;
    }
  }
  setCsrfToken(undefined);
}
