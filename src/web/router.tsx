import { createBrowserRouter } from "react-router";
import { AppShell } from "./components/app-shell";
import { LoadingMessage } from "./components/loading-message";
import { RequireSession } from "./components/require-session";
import { LoginPage } from "./routes/login-page";
import { loginPath, publicReportPath } from "./routes/navigation-state";
import { NotFoundPage } from "./routes/not-found-page";
import { PublicReportPage } from "./routes/public-report-page";
import { StartPage } from "./routes/start-page";

/**
 * The app's routes: the login page and the public form need no session, everything else does.
 * The work pages load on first use, so the login page and the public form stay light.
 */
export function createRouter() {
  return createBrowserRouter([
    {
      path: "/",
      element: <AppShell />,
      // Shown while the first page's code loads when the app opens on a work page.
      HydrateFallback: LoadingMessage,
      children: [
        { path: loginPath, element: <LoginPage /> },
        { path: publicReportPath, element: <PublicReportPage /> },
        {
          element: <RequireSession />,
          children: [
            { index: true, element: <StartPage /> },
            {
              path: "meldingen",
              lazy: async () => ({ Component: (await import("./routes/report-queue-page")).ReportQueuePage }),
            },
            {
              path: "meldingen/nieuw",
              lazy: async () => ({ Component: (await import("./routes/new-report-page")).NewReportPage }),
            },
            {
              path: "meldingen/:id",
              lazy: async () => ({ Component: (await import("./routes/report/report-page")).ReportPage }),
            },
            {
              path: "personen",
              lazy: async () => ({
                Component: (await import("./routes/person-search-page")).PersonSearchPage,
              }),
            },
            {
              path: "politie/melden",
              lazy: async () => ({
                Component: (await import("./routes/police/police-report-page")).PoliceReportPage,
              }),
            },
            {
              path: "zaken",
              lazy: async () => ({ Component: (await import("./routes/case/cases-page")).CasesPage }),
            },
            {
              path: "zaken/:id",
              lazy: async () => ({ Component: (await import("./routes/case/case-page")).CasePage }),
            },
            {
              path: "zaken/:id/plan",
              lazy: async () => ({ Component: (await import("./routes/case/plan/plan-page")).PlanPage }),
            },
            {
              path: "zaken/:id/plan/versies",
              lazy: async () => ({
                Component: (await import("./routes/case/plan/plan-versions-page")).PlanVersionsPage,
              }),
            },
          ],
        },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ]);
}
