import "@fontsource/noto-sans/400.css";
import "@fontsource/noto-sans/400-italic.css";
import "@fontsource/noto-sans/700.css";
import "@utrecht/component-library-css/dist/index.css";
import "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css";
import "./app.css";

import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router/dom";
import { createQueryClient } from "./api/query";
import { setUpI18n } from "./i18n";
import { createRouter } from "./router";
import { SessionProvider } from "./session/session-context";

async function start(): Promise<void> {
  await setUpI18n();
  const container = document.getElementById("root");
  if (container === null) {
    throw new Error("index.html has no #root element");
  }
  createRoot(container).render(
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>
        <SessionProvider>
          <RouterProvider router={createRouter()} />
        </SessionProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}

start().catch((error: unknown) => {
  console.error("Schakel could not start", error);
});
