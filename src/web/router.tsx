import { createBrowserRouter } from "react-router";
import { AppShell } from "./components/app-shell";
import { RequireSession } from "./components/require-session";
import { CasePage } from "./routes/case/case-page";
import { CasesPage } from "./routes/case/cases-page";
import { PlanPage } from "./routes/case/plan/plan-page";
import { PlanVersionsPage } from "./routes/case/plan/plan-versions-page";
import { LoginPage } from "./routes/login-page";
import { loginPath, publicReportPath } from "./routes/navigation-state";
import { NewReportPage } from "./routes/new-report-page";
import { NotFoundPage } from "./routes/not-found-page";
import { PublicReportPage } from "./routes/public-report-page";
import { ReportPage } from "./routes/report/report-page";
import { ReportQueuePage } from "./routes/report-queue-page";
import { StartPage } from "./routes/start-page";

/** The app's routes: the login page and the public form need no session, everything else does. */
export function createRouter() {
  return createBrowserRouter([
    {
      path: "/",
      element: <AppShell />,
      children: [
        { path: loginPath, element: <LoginPage /> },
        { path: publicReportPath, element: <PublicReportPage /> },
        {
          element: <RequireSession />,
          children: [
            { index: true, element: <StartPage /> },
            { path: "meldingen", element: <ReportQueuePage /> },
            { path: "meldingen/nieuw", element: <NewReportPage /> },
            { path: "meldingen/:id", element: <ReportPage /> },
            { path: "zaken", element: <CasesPage /> },
            { path: "zaken/:id", element: <CasePage /> },
            { path: "zaken/:id/plan", element: <PlanPage /> },
            { path: "zaken/:id/plan/versies", element: <PlanVersionsPage /> },
          ],
        },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ]);
}
