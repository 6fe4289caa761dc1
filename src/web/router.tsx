import { createBrowserRouter } from "react-router";
import { AppShell } from "./components/app-shell";
import { RequireSession } from "./components/require-session";
import { LoginPage } from "./routes/login-page";
import { loginPath } from "./routes/navigation-state";
import { NotFoundPage } from "./routes/not-found-page";
import { StartPage } from "./routes/start-page";

/** The app's routes: the login page is public, everything else needs a session. */
export function createRouter() {
  return createBrowserRouter([
    {
      path: "/",
      element: <AppShell />,
      children: [
        { path: loginPath, element: <LoginPage /> },
        { element: <RequireSession />, children: [{ index: true, element: <StartPage /> }] },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ]);
}
