import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { type SessionResponse, sessionResponseSchema } from "../src/shared/auth.ts";
import { expectNoAxeViolations } from "./support/axe.ts";
import { serverAndFreshBrowser } from "./support/journey.ts";
import { expectNoSidewaysScroll } from "./support/reflow.ts";
import { freshTotpCode, wrongTotpCode } from "./support/totp.ts";

interface FocusedElement {
  tag: string;
  id: string;
  text: string;
  autocomplete: string | null;
}

/** What has keyboard focus now (evaluated in the page; the e2e code itself has no DOM types). */
async function focusedElement(page: Page): Promise<FocusedElement | null> {
  return page.evaluate<FocusedElement | null>(`(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      text: (element.textContent || "").trim(),
      autocomplete: element.getAttribute("autocomplete"),
    };
  })()`);
}

/**
 * Waits until the focused element matches the selector. Polls with page.evaluate: the strict CSP
 * (no 'unsafe-eval') blocks the in-page polling that page.waitForFunction uses for strings.
 */
async function waitForFocus(page: Page, cssSelector: string): Promise<void> {
  await expect
    .poll(() => page.evaluate(`document.activeElement?.matches(${JSON.stringify(cssSelector)}) === true`))
    .toBe(true);
}

async function htmlLang(page: Page): Promise<string | null> {
  return page.locator("html").getAttribute("lang");
}

/** Resolves with the session of the next successful login answer the page receives. */
function nextLoginAnswer(page: Page): Promise<SessionResponse> {
  return page
    .waitForResponse((response) => response.url().endsWith("/api/v1/auth/login") && response.status() === 200)
    .then(async (response) => sessionResponseSchema.parse(await response.json()));
}

describe("logging in to Schakel", () => {
  const running = serverAndFreshBrowser();

  it("logs in with a second factor after a wrong code, shows the start page in Dutch and English, and logs out", async () => {
    const { baseUrl, page, problems, browser: session } = running();

    // Without a session the app sends the visitor to the login page, in Dutch.
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(`${baseUrl}/inloggen`);
    const h1 = page.getByRole("heading", { level: 1 });
    await expect.poll(() => h1.textContent()).toBe("Inloggen");
    expect(await page.title()).toBe("Inloggen — Schakel");
    expect(await htmlLang(page)).toBe("nl");
    expect(await page.getByLabel("Gebruikersnaam").getAttribute("autocomplete")).toBe("username");
    expect(await page.getByLabel("Wachtwoord").getAttribute("autocomplete")).toBe("current-password");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // Step 1: username and password; the server asks for the second factor.
    await page.getByLabel("Gebruikersnaam").fill("intake");
    await page.getByLabel("Wachtwoord").fill("schakel-demo");
    await page.getByRole("button", { name: "Inloggen" }).click();
    const codeField = page.getByLabel("Code van 6 cijfers");
    await codeField.waitFor();
    expect(await codeField.getAttribute("autocomplete")).toBe("one-time-code");
    expect(await codeField.getAttribute("inputmode")).toBe("numeric");
    expect((await focusedElement(page))?.id).toBe("totp");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // A wrong code: a Dutch message in an alert, the field marked invalid and emptied.
    await codeField.fill(await wrongTotpCode());
    await page.getByRole("button", { name: "Bevestigen" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      "De code is onjuist of verlopen. Vul de code in die uw authenticator-app nu toont.",
    );
    expect(await codeField.getAttribute("aria-invalid")).toBe("true");
    expect(await codeField.inputValue()).toBe("");
    expect(page.url()).toBe(`${baseUrl}/inloggen`);
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // The right code: the start page with the user's name, organisation and role.
    const loginAnswer = nextLoginAnswer(page);
    await codeField.fill(await freshTotpCode());
    await page.getByRole("button", { name: "Bevestigen" }).click();
    const { user } = await loginAnswer;
    expect(user.username).toBe("intake");
    await page.waitForURL(`${baseUrl}/`);
    await expect.poll(() => h1.textContent()).toBe(`Welkom, ${user.displayName}`);
    expect(await page.title()).toBe("Start — Schakel");
    await waitForFocus(page, "h1");
    const main = page.getByRole("main");
    await expect.poll(() => main.textContent()).toContain("Veilig Thuis IJsselland");
    expect(await main.textContent()).toContain("Intakemedewerker");
    expect(await page.getByRole("banner").textContent()).toContain(`Ingelogd als ${user.displayName}`);
    expect(await page.getByRole("heading", { level: 2 }).allTextContents()).toEqual([
      "Mijn wachtrij",
      "Eigen trajecten en taken van Veilig Thuis",
      "Mijn zaken",
      "Openstaande overdrachten",
      "Berichten",
      "Open afspraken van uw organisatie",
      "Nazorg",
    ]);
    // The sections load their lists on their own: wait for the queue's answer.
    await expect.poll(() => main.textContent()).toContain("Er staan geen meldingen in uw wachtrij");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // English: headings, role, title and <html lang> change; the choice survives a reload.
    await page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => htmlLang(page)).toBe("en");
    expect(await page.getByRole("heading", { level: 2 }).allTextContents()).toEqual([
      "My queue",
      "The centre's own trajectories and tasks",
      "My cases",
      "Pending handovers",
      "Notifications",
      "Open agreements of your organisation",
      "Follow-up",
    ]);
    expect(await h1.textContent()).toBe(`Welcome, ${user.displayName}`);
    expect(await main.textContent()).toContain("Intake worker");
    expect(await page.getByRole("button", { name: "English" }).getAttribute("aria-pressed")).toBe("true");
    expect(await page.getByRole("button", { name: "Nederlands" }).getAttribute("aria-pressed")).toBe("false");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    await page.reload();
    await expect.poll(() => h1.textContent()).toBe(`Welcome, ${user.displayName}`);
    expect(await htmlLang(page)).toBe("en");

    // Logging out ends the session on the server and returns to the login page.
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL(`${baseUrl}/inloggen`);
    await expect.poll(() => h1.textContent()).toBe("Log in");
    expect(await page.getByRole("status").first().textContent()).toBe("You have logged out.");
    expect(await page.title()).toBe("Log in — Schakel");
    const me = await session.context.request.get(`${baseUrl}/api/v1/auth/me`);
    expect(me.status()).toBe(401);
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(`${baseUrl}/inloggen`);

    expect(problems).toEqual([]);
  });

  it("can be done with the keyboard alone, from the skip link to logging out", async () => {
    const { baseUrl, page, problems } = running();
    await page.goto(`${baseUrl}/inloggen`);
    const h1 = page.getByRole("heading", { level: 1 });
    await expect.poll(() => h1.textContent()).toBe("Inloggen");

    // The skip link is the first stop, and leads to the main content.
    await page.keyboard.press("Tab");
    expect((await focusedElement(page))?.text).toBe("Direct naar de inhoud");
    await page.keyboard.press("Enter");
    expect((await focusedElement(page))?.id).toBe("main");

    await page.keyboard.press("Tab");
    expect(await focusedElement(page)).toMatchObject({ id: "username", autocomplete: "username" });
    await page.keyboard.type("intake");
    await page.keyboard.press("Tab");
    expect(await focusedElement(page)).toMatchObject({ id: "password", autocomplete: "current-password" });
    await page.keyboard.type("schakel-demo");
    await page.keyboard.press("Enter");

    // Focus moves to the code field of the second step.
    await waitForFocus(page, "#totp");
    expect((await focusedElement(page))?.autocomplete).toBe("one-time-code");
    const loginAnswer = nextLoginAnswer(page);
    await page.keyboard.type(await freshTotpCode());
    await page.keyboard.press("Enter");
    const { user } = await loginAnswer;

    // The start page, with focus on its heading.
    await page.waitForURL(`${baseUrl}/`);
    await waitForFocus(page, "h1");
    expect((await focusedElement(page))?.text).toBe(`Welkom, ${user.displayName}`);

    // Just before the main content in the tab order is the logout button in the header.
    await page.keyboard.press("Shift+Tab");
    expect(await focusedElement(page)).toMatchObject({ tag: "button", text: "Uitloggen" });
    await page.keyboard.press("Enter");
    await page.waitForURL(`${baseUrl}/inloggen`);
    await expect.poll(() => h1.textContent()).toBe("Inloggen");
    await waitForFocus(page, "h1");
    expect(await page.getByRole("status").first().textContent()).toBe("U bent uitgelogd.");

    expect(problems).toEqual([]);
  });
});
