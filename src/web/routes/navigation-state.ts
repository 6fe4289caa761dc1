/** What a page may be told through the router's location state when it is navigated to. */
export interface NavigationState {
  /** Where to go after logging in (a path of this app). */
  from?: string;
  /** A message for the login page: why the user has to log in. */
  notice?: "logged-out" | "expired";
  /** Leave focus where it is: this navigation was not the user's doing (the first redirect). */
  skipFocus?: boolean;
  /** The reference of a case whose handover the user just declined (the start page confirms it). */
  handoverDeclined?: string;
}

export const loginPath = "/inloggen";

/** The public form for anyone worried about someone: no account needed. */
export const publicReportPath = "/melden";

/** Reads location state defensively: it survives reloads and may come from an older version. */
export function readNavigationState(state: unknown): NavigationState {
  if (typeof state !== "object" || state === null) {
    return {};
  }
  const record = state as Record<string, unknown>;
  const result: NavigationState = {};
  const from = record.from;
  // Only paths inside this app: never "//host" or an absolute URL (no open redirect).
  if (
    typeof from === "string" &&
    from.startsWith("/") &&
    !from.startsWith("//") &&
    !from.startsWith(loginPath)
  ) {
    result.from = from;
  }
  if (record.notice === "logged-out" || record.notice === "expired") {
    result.notice = record.notice;
  }
  if (record.skipFocus === true) {
    result.skipFocus = true;
  }
  if (typeof record.handoverDeclined === "string" && record.handoverDeclined.length <= 100) {
    result.handoverDeclined = record.handoverDeclined;
  }
  return result;
}
