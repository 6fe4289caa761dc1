import { describe, expect, it } from "vitest";
import { handOverThroughApi, householdReport, logInThroughApi } from "./support/api.ts";
import { expectNoAxeViolations } from "./support/axe.ts";
import { openBrowser } from "./support/browser.ts";
import { serverAndFreshBrowser } from "./support/journey.ts";
import { demoPassword, expectHeading, logInThroughForm, nextApiResponse } from "./support/page.ts";
import { freshTotpCodeFor } from "./support/totp.ts";

// Half a minute idle: the session surely lasts 27 s after a request (the server's slack is a
// tenth), and the warning comes halfway, 13.5 s before the end.
const idleConfig = { SESSION_IDLE_MINUTES: "0.5" };
const draftText = "Buurvrouw hoorde gisteravond geschreeuw en een klap; het kind huilde lang.";
const reporterName = "Fenna Bakker";

describe("a draft survives an expired session", () => {
  const running = serverAndFreshBrowser(idleConfig);

  it("warns before the idle timeout, stays logged in on request, and restores the typed report after a new login", async () => {
    const { baseUrl, page, problems } = running();
    await logInThroughForm(page, baseUrl, "intake");
    await page.goto(`${baseUrl}/meldingen/nieuw`);
    await expectHeading(page, "Nieuwe melding of adviesvraag");
    await page.getByRole("textbox", { name: /^Wat is er aan de hand\?/ }).fill(draftText);
    await page.getByLabel(/^Wie meldt\?/).selectOption({ label: "Burger (buurman, familie, kennis)" });
    await page.getByRole("textbox", { name: /^Naam van de melder/ }).fill(reporterName);

    // The warning, with a way to stay logged in.
    const warning = page.getByRole("alertdialog", { name: "Blijft u ingelogd?" });
    await warning.waitFor({ timeout: 25_000 });
    await expect.poll(() => warning.textContent()).toContain("Wat u aan het typen bent, blijft");
    await expectNoAxeViolations(page);
    const refreshed = nextApiResponse(page, "GET", "/auth/me");
    await warning.getByRole("button", { name: "Blijf ingelogd" }).click();
    expect((await refreshed).status()).toBe(200);
    await warning.waitFor({ state: "hidden" });
    expect(await page.getByRole("textbox", { name: /^Wat is er aan de hand\?/ }).inputValue()).toBe(
      draftText,
    );

    // Now left alone until the session ends: the login page says why, the server session is gone.
    await warning.waitFor({ timeout: 25_000 });
    await page.waitForURL(`${baseUrl}/inloggen`, { timeout: 30_000 });
    await expectHeading(page, "Inloggen");
    await expect.poll(() => page.getByText("Uw sessie is verlopen. Log opnieuw in.").count()).toBe(1);
    expect((await page.request.get(`${baseUrl}/api/v1/auth/me`)).status()).toBe(401);
    // Never in the URL.
    expect(decodeURIComponent(page.url())).not.toContain("Buurvrouw");

    // A new login goes back to the form, which holds what was typed.
    await page.getByLabel("Gebruikersnaam").fill("intake");
    await page.getByLabel("Wachtwoord").fill(demoPassword);
    await page.getByRole("button", { name: "Inloggen" }).click();
    const codeField = page.getByLabel("Code van 6 cijfers");
    await codeField.waitFor();
    await codeField.fill(await freshTotpCodeFor("intake"));
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await page.waitForURL(`${baseUrl}/meldingen/nieuw`);
    await expectHeading(page, "Nieuwe melding of adviesvraag");
    const narrative = page.getByRole("textbox", { name: /^Wat is er aan de hand\?/ });
    await expect.poll(() => narrative.inputValue()).toBe(draftText);
    expect(await page.getByRole("textbox", { name: /^Naam van de melder/ }).inputValue()).toBe(reporterName);
    await expect
      .poll(() => page.getByRole("status").allTextContents())
      .toContainEqual(expect.stringContaining("Wat u eerder typte en nog niet had opgeslagen"));

    // Logging out on purpose leaves no typed input in the browser.
    await page.getByRole("button", { name: "Uitloggen" }).click();
    await page.waitForURL(`${baseUrl}/inloggen`);
    const kept = await page.evaluate<string[]>(
      `Object.keys(sessionStorage).filter((key) => key.startsWith("schakel.draft."))`,
    );
    expect(kept).toEqual([]);
    expect(problems).toEqual([]);
  }, 240_000);

  it("restores a safety plan being edited after a new login, and forgets it once the plan is saved", async () => {
    const { baseUrl, page, problems } = running();
    const intake = await logInThroughApi(page.context(), baseUrl, "intake");
    const organisations = (await intake.get("/organisations")) as { id: string; name: string }[];
    const zwolleId = organisations.find((organisation) => organisation.name === "Lokaal team Zwolle")?.id;
    if (zwolleId === undefined) {
      throw new Error("the demo region has no local team Zwolle");
    }
    const handedOver = await handOverThroughApi(intake, householdReport("Smit", "Lotte", "GM0193"), zwolleId);
    const zwolle = await openBrowser();
    try {
      const zwolleApi = await logInThroughApi(zwolle.context, baseUrl, "lt.zwolle");
      await zwolleApi.post(`/handovers/${handedOver.handoverId}/accept`);
    } finally {
      await zwolle.close();
    }

    const planUrl = `${baseUrl}/zaken/${handedOver.id}/plan`;
    await page.goto(planUrl);
    await expectHeading(page, `Veiligheidsplan van zaak ${handedOver.reference}`);
    const goal = "Lotte is veilig thuis en durft te vertellen wat er gebeurt.";
    await page.locator("#plan-goal").fill(goal);
    const keptKeys = () =>
      page.evaluate<string[]>(
        `Object.keys(sessionStorage).filter((key) => key.startsWith("schakel.draft."))`,
      );
    await expect.poll(keptKeys).toHaveLength(1);

    // The session ends elsewhere (e.g. on the server); the page is opened again.
    await intake.post("/auth/logout");
    await page.reload();
    await expectHeading(page, "Inloggen");
    await page.getByLabel("Gebruikersnaam").fill("intake");
    await page.getByLabel("Wachtwoord").fill(demoPassword);
    await page.getByRole("button", { name: "Inloggen" }).click();
    const codeField = page.getByLabel("Code van 6 cijfers");
    await codeField.waitFor();
    await codeField.fill(await freshTotpCodeFor("intake"));
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await page.waitForURL(planUrl);
    await expect.poll(() => page.locator("#plan-goal").inputValue()).toBe(goal);
    await expect
      .poll(() => page.getByRole("status").allTextContents())
      .toContainEqual(expect.stringContaining("Wat u eerder typte en nog niet had opgeslagen"));

    const saved = nextApiResponse(page, "PUT", `/cases/${handedOver.id}/safety-plan`);
    await page.getByRole("button", { name: "Plan opslaan" }).click();
    expect((await saved).status()).toBe(200);
    await expect.poll(keptKeys).toEqual([]);
    expect(problems).toEqual([]);
  }, 240_000);
});
