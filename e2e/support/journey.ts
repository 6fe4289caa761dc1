import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { type BrowserSession, openBrowser } from "./browser.ts";
import { type RunningServer, startServer } from "./server.ts";

export interface Running {
  baseUrl: string;
  page: Page;
  problems: string[];
  browser: BrowserSession;
}

/**
 * Registers the hooks of a journey file: one server for the file, a fresh browser for each test.
 * Call it inside `describe`; the answer gives the running server and browser inside a test.
 */
export function serverAndFreshBrowser(config: Record<string, string> = {}): () => Running {
  let server: RunningServer | undefined;
  let browser: BrowserSession | undefined;

  beforeAll(async () => {
    server = await startServer(config);
  });

  afterAll(async () => {
    await server?.stop();
  });

  beforeEach(async () => {
    browser = await openBrowser();
  });

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  return () => {
    if (server === undefined || browser === undefined) {
      throw new Error("the server and the browser must be running");
    }
    return { baseUrl: server.baseUrl, page: browser.page, problems: browser.problems, browser };
  };
}
