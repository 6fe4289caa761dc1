import type { Page, Response } from "playwright-core";
import { expect } from "vitest";
import { sessionResponseSchema } from "../../src/shared/auth.ts";
import { freshTotpCodeFor } from "./totp.ts";

/** The demo password of every demo account (API.md; demo only). */
export const demoPassword = "schakel-demo";

/**
 * Waits until the focused element matches the selector. Polls with page.evaluate: the strict CSP
 * (no 'unsafe-eval') blocks the in-page polling that page.waitForFunction uses for strings.
 */
export async function waitForFocus(page: Page, cssSelector: string): Promise<void> {
  await expect
    .poll(() => page.evaluate(`document.activeElement?.matches(${JSON.stringify(cssSelector)}) === true`))
    .toBe(true);
}

/** The text of the page's h1, once it is there. */
export async function expectHeading(page: Page, text: string): Promise<void> {
  const h1 = page.getByRole("heading", { level: 1 });
  // Work pages load their code on first use; on a busy two-core machine that can take seconds.
  await expect.poll(() => h1.textContent(), { timeout: 10_000 }).toBe(text);
}

/** Resolves with the next answer to `method path` (a path under /api/v1, matched exactly, without query). */
export function nextApiResponse(page: Page, method: string, path: string | RegExp): Promise<Response> {
  return page.waitForResponse((response) => {
    if (response.request().method() !== method) {
      return false;
    }
    const url = new URL(response.url());
    const apiPath = url.pathname.replace(/^\/api\/v1/, "");
    return typeof path === "string"
      ? apiPath === path && url.pathname.startsWith("/api/v1")
      : path.test(apiPath);
  });
}

/**
 * Logs in through the login form with password and a fresh TOTP code, and waits for the start
 * page. Answers the logged-in user as the server described it.
 */
export async function logInThroughForm(page: Page, baseUrl: string, username: string) {
  await page.goto(`${baseUrl}/inloggen`);
  await expectHeading(page, "Inloggen");
  await page.getByLabel("Gebruikersnaam").fill(username);
  await page.getByLabel("Wachtwoord").fill(demoPassword);
  await page.getByRole("button", { name: "Inloggen" }).click();
  const codeField = page.getByLabel("Code van 6 cijfers");
  await codeField.waitFor();
  const answer = nextApiResponse(page, "POST", "/auth/login");
  await codeField.fill(await freshTotpCodeFor(username));
  await page.getByRole("button", { name: "Bevestigen" }).click();
  const response = await answer;
  expect(response.status()).toBe(200);
  const session = sessionResponseSchema.parse(await response.json());
  await page.waitForURL(`${baseUrl}/`);
  await expectHeading(page, `Welkom, ${session.user.displayName}`);
  return session;
}

/** Logs out with the header button and waits for the login page. */
export async function logOutThroughHeader(page: Page, baseUrl: string): Promise<void> {
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await page.waitForURL(`${baseUrl}/inloggen`);
  await expectHeading(page, "Inloggen");
}
