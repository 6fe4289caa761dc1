import { Navigate, Outlet, useLocation } from "react-router";
import { loginPath, type NavigationState } from "../routes/navigation-state";
import { useSession } from "../session/session-context";
import { SessionTimeoutWarning } from "../session/session-timeout-warning";
import { LoadingMessage } from "./loading-message";

/** Shows its child routes only to a logged-in user; everyone else goes to the login page. */
export function RequireSession() {
  const { session } = useSession();
  const location = useLocation();

  if (session.status === "authenticated") {
    return (
      <>
        <SessionTimeoutWarning />
        <Outlet />
      </>
    );
  }
  if (session.status !== "anonymous") {
    return <LoadingMessage />;
  }
  const from = `${location.pathname}${location.search}`;
  const stateByReason: Record<typeof session.reason, NavigationState> = {
    // Opening the app without a session: not a navigation the user made, so focus stays put.
    initial: { from, skipFocus: true },
    "logged-out": { notice: "logged-out" },
    expired: { from, notice: "expired" },
  };
  return <Navigate to={loginPath} replace state={stateByReason[session.reason]} />;
}
