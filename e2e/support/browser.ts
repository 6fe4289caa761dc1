import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

/** A fresh Chromium profile with one page, and what the page reported that a test should fail on. */
export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Script errors and Content Security Policy violations seen so far. */
  problems: string[];
  close: () => Promise<void>;
}

/** Launches the system Chromium headless with a throw-away profile (STACK.md, "Browser tests"). */
export async function openBrowser(): Promise<BrowserSession> {
  const profileDir = await mkdtemp(path.join(tmpdir(), "schakel-e2e-chromium-"));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    // The users' browsers are Dutch: native date and time fields then read 02-12-2026 and 05:22.
    locale: "nl-NL",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on("pageerror", (error) => {
    problems.push(`page error: ${error.message}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
      problems.push(`CSP: ${message.text()}`);
    }
  });
  return {
    context,
    page,
    problems,
    close: async () => {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}
