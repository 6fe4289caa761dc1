import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMonths } from "../src/shared/calendar/working-days.ts";
import {
  type ApiSession,
  apiOfLoggedInContext,
  type HandedOverCase,
  handOverThroughApi,
  householdReport,
  logInThroughApi,
} from "./support/api.ts";
import { expectNoAxeViolations } from "./support/axe.ts";
import { type BrowserSession, openBrowser } from "./support/browser.ts";
import { expectHeading, logInThroughForm, nextApiResponse, waitForFocus } from "./support/page.ts";
import { expectNoSidewaysScroll } from "./support/reflow.ts";
import { type RunningServer, startServer } from "./support/server.ts";

/** Today's date in Amsterdam, where follow-ups are scheduled. */
function todayInAmsterdam(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
}

async function mainText(page: Page): Promise<string> {
  return (await page.getByRole("main").textContent()) ?? "";
}

/** Opens every disclosure of the page, so that an accessibility scan also covers the forms in them. */
async function openAllDisclosures(page: Page): Promise<void> {
  await page.evaluate(`document.querySelectorAll("details").forEach((details) => { details.open = true; })`);
}

/** Opens a disclosure ("Fase wijzigen", "Zaak afsluiten") by its summary. */
async function openDisclosure(page: Page, summary: string): Promise<void> {
  await page.locator("summary", { hasText: summary }).click();
}

describe("case work: the one plan, phases with guards, children central, accepted handovers", () => {
  let server: RunningServer | undefined;
  const browsers = new Map<string, BrowserSession>();
  const names = new Map<string, string>();
  let intake: ApiSession;
  let zwolleCase: HandedOverCase;
  let conflictCase: HandedOverCase;
  let deventerCase: HandedOverCase;

  function baseUrl(): string {
    if (server === undefined) {
      throw new Error("the server must be running");
    }
    return server.baseUrl;
  }

  /** The browser of a user, opened (and logged in through the API) the first time it is needed. */
  async function browserOf(username: string): Promise<BrowserSession> {
    const open = browsers.get(username);
    if (open !== undefined) {
      return open;
    }
    const browser = await openBrowser();
    browsers.set(username, browser);
    const api = await logInThroughApi(browser.context, baseUrl(), username);
    names.set(username, api.session.user.displayName);
    return browser;
  }

  beforeAll(async () => {
    server = await startServer();
    // The intake worker's browser also does the setup: its request client shares the cookies.
    const browser = await openBrowser();
    browsers.set("intake", browser);
    intake = await logInThroughApi(browser.context, baseUrl(), "intake");
    names.set("intake", intake.session.user.displayName);
    const organisations = (await intake.get("/organisations")) as { id: string; name: string }[];
    const idOf = (name: string) => {
      const found = organisations.find((organisation) => organisation.name === name);
      if (found === undefined) {
        throw new Error(`no organisation ${name}`);
      }
      return found.id;
    };
    zwolleCase = await handOverThroughApi(
      intake,
      householdReport("Visser", "Noor", "GM0193"),
      idOf("Lokaal team Zwolle"),
    );
    conflictCase = await handOverThroughApi(
      intake,
      householdReport("Mulder", "Sem", "GM0193"),
      idOf("Lokaal team Zwolle"),
    );
    deventerCase = await handOverThroughApi(
      intake,
      householdReport("Smit", "Lotte", "GM0150"),
      idOf("Lokaal team Deventer"),
    );
  });

  afterAll(async () => {
    for (const browser of browsers.values()) {
      await browser.close();
    }
    await server?.stop();
  });

  it("lets the local team accept the handover, take direction, keep the plan, move on past safety, help the child and close with follow-ups", async () => {
    const browser = await openBrowser();
    browsers.set("lt.zwolle", browser);
    const { page, problems } = browser;
    const url = baseUrl();
    const { user } = await logInThroughForm(page, url, "lt.zwolle");
    names.set("lt.zwolle", user.displayName);
    const { id: caseId, reference } = zwolleCase;

    // The start page: the pending handover, and the notification that it arrived.
    const handovers = page.getByRole("region", { name: "Openstaande overdrachten" });
    await expect.poll(() => handovers.textContent()).toContain(reference);
    const notifications = page.getByRole("region", { name: "Berichten" });
    await expect.poll(() => notifications.textContent()).toContain(`Overdracht ontvangen: ${reference}`);
    expect(await page.getByRole("heading", { level: 2 }).allTextContents()).toEqual([
      "Mijn zaken",
      "Openstaande overdrachten",
      "Berichten",
      "Open afspraken van uw organisatie",
      "Nazorg",
    ]);
    const cases = page.getByRole("region", { name: "Mijn zaken" });
    await expect.poll(() => cases.textContent()).toContain("1 kind zonder aangeboden hulp");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // The case, still to be accepted: the decision comes first, and nothing can be changed yet.
    await handovers.getByRole("link", { name: reference }).click();
    await page.waitForURL(`${url}/zaken/${caseId}`);
    await expectHeading(page, `Zaak ${reference}`);
    await waitForFocus(page, "h1");
    const decision = page.getByRole("region", { name: "Overdracht aan uw organisatie" });
    expect(await decision.textContent()).toContain(
      "Veilig Thuis IJsselland wil deze zaak aan uw organisatie overdragen",
    );
    expect(await decision.textContent()).toContain("kunt u de zaak inzien maar niet wijzigen");
    expect(await page.getByRole("button", { name: "Ik neem de regie" }).count()).toBe(0);
    expect(await page.locator("summary", { hasText: "Fase wijzigen" }).count()).toBe(0);
    expect(
      await page.getByRole("navigation", { name: "Op deze pagina" }).getByRole("link").allTextContents(),
    ).toEqual([
      "Veiligheid",
      "Fase en regie",
      "Kinderen en huishouden",
      "Veiligheidsplan",
      "Afspraken en termijnen",
      "Netwerk",
      "Overdrachten",
      "Huisverbod en opvang",
      "Eigen routes van Veilig Thuis",
      "Afsluiten en nazorg",
      "Journaal",
      "Meldingen",
      "Gekoppelde zaken",
      "Geschiedenis",
    ]);
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    let answer = nextApiResponse(page, "POST", `/handovers/${zwolleCase.handoverId}/accept`);
    await decision.getByRole("button", { name: "Overdracht accepteren" }).click();
    expect((await answer).status()).toBe(200);
    await waitForFocus(page, ".schakel-notice");
    expect(await page.locator(".schakel-notice").textContent()).toContain(
      "U heeft de overdracht geaccepteerd",
    );
    const takeDirection = page.getByRole("button", { name: "Ik neem de regie" });
    await takeDirection.waitFor();
    expect(await decision.count()).toBe(0);
    const network = page.getByRole("region", { name: "Netwerk", exact: true });
    expect(await network.textContent()).toContain("Via een geaccepteerde overdracht");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    // Every form of the case, opened, passes the scan too; then the page is loaded afresh.
    await openAllDisclosures(page);
    expect(await page.locator("details[open]").count()).toBeGreaterThanOrEqual(6);
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    await page.reload();
    await expectHeading(page, `Zaak ${reference}`);

    // One director: the local team takes direction.
    answer = nextApiResponse(page, "POST", `/cases/${caseId}/director`);
    await takeDirection.click();
    expect((await answer).status()).toBe(200);
    await expect
      .poll(() => page.locator("#case-director").textContent())
      .toContain(`${user.displayName} (Lokaal team Zwolle)`);
    expect(await takeDirection.count()).toBe(0);

    // The plan: concerns, goal, one safety condition and one agreement for the local team.
    await page.getByRole("link", { name: "Veiligheidsplan bewerken" }).click();
    await page.waitForURL(`${url}/zaken/${caseId}/plan`);
    await expectHeading(page, `Veiligheidsplan van zaak ${reference}`);
    await page.locator("#plan-concerns").fill("Vader slaat moeder als hij gedronken heeft; Noor ziet het.");
    await page.locator("#plan-goal").fill("Noor is veilig thuis.");
    await page.getByRole("button", { name: "Veiligheidsvoorwaarde toevoegen" }).click();
    await waitForFocus(page, "textarea[id^='plan-condition-']");
    await page.keyboard.type("Vader slaapt niet thuis zolang hij drinkt.");
    await page.getByRole("button", { name: "Afspraak toevoegen" }).click();
    await waitForFocus(page, "textarea[id^='plan-agreement-']");
    await page.keyboard.type("Wekelijks huisbezoek door het lokale team.");
    const agreement = page.getByRole("group", { name: "Afspraak 1" });
    await agreement.getByLabel("Uitvoerende organisatie").selectOption({ label: "Lokaal team Zwolle" });
    // Two months ahead: an agreement's due date lies at most a year ahead (src/shared/bounds.ts).
    await agreement
      .getByLabel("Uiterlijk")
      .fill(new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10));
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    answer = nextApiResponse(page, "PUT", `/cases/${caseId}/safety-plan`);
    await page.getByRole("button", { name: "Plan opslaan" }).click();
    const saved = await answer;
    expect(saved.status()).toBe(200);
    expect(saved.request().headers()["if-match"]).toBe('"plan-v1"');
    await waitForFocus(page, ".schakel-notice");
    expect(await page.locator(".schakel-notice").textContent()).toContain("opgeslagen als versie 2");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // The agreement is on the local team's start page.
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Start" }).click();
    const agreements = page.getByRole("region", { name: "Open afspraken van uw organisatie" });
    await expect.poll(() => agreements.textContent()).toContain("Wekelijks huisbezoek door het lokale team.");
    // Accepting the handover was acting on its notification: it is read, without a click on "gelezen".
    const received = notifications
      .getByRole("listitem")
      .filter({ hasText: `Overdracht ontvangen: ${reference}` });
    await expect.poll(() => received.textContent()).not.toContain("Nieuw");
    expect(await received.getByRole("button", { name: "Markeren als gelezen" }).count()).toBe(0);
    await agreements.getByRole("link", { name: `zaak ${reference}` }).click();
    await expectHeading(page, `Zaak ${reference}`);

    // Safety first: with the condition unmet, the case may not leave the safety phase.
    await openDisclosure(page, "Fase wijzigen");
    await page.getByRole("radio", { name: "Verder naar: Risicogestuurde zorg" }).check();
    await page.locator("#phase-reason").fill("De veiligheid lijkt op orde.");
    answer = nextApiResponse(page, "POST", `/cases/${caseId}/phase`);
    await page.locator("#phase-form").getByRole("button", { name: "Fase wijzigen" }).click();
    expect((await answer).status()).toBe(409);
    await waitForFocus(page, ".schakel-form-failure");
    const refusal = page.locator(".schakel-form-failure");
    expect(await refusal.textContent()).toContain("De zaak kan de veiligheidsfase nog niet verlaten");
    expect(await refusal.textContent()).toContain(
      "Niet alle veiligheidsvoorwaarden van het plan zijn vervuld.",
    );
    expect(await page.locator("#case-phase").textContent()).toBe("De zaak is in de fase Veiligheid.");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // The condition is met: marked in the plan, which then lets the case move on.
    await refusal.getByRole("link", { name: "Naar het veiligheidsplan" }).click();
    await expectHeading(page, `Veiligheidsplan van zaak ${reference}`);
    // The saved agreement's owner is named, never shown by its id.
    const savedOwner = page.getByRole("group", { name: "Afspraak 1" }).getByLabel("Uitvoerende organisatie");
    expect(await savedOwner.locator("option:checked").textContent()).toBe("Lokaal team Zwolle");
    await page.getByRole("group", { name: "Veiligheidsvoorwaarde 1" }).getByLabel("Vervuld").check();
    answer = nextApiResponse(page, "PUT", `/cases/${caseId}/safety-plan`);
    await page.getByRole("button", { name: "Plan opslaan" }).click();
    expect((await answer).status()).toBe(200);
    await waitForFocus(page, ".schakel-notice");
    await page
      .locator(".schakel-notice")
      .getByRole("link", { name: `Terug naar zaak ${reference}` })
      .click();
    await expectHeading(page, `Zaak ${reference}`);
    await openDisclosure(page, "Fase wijzigen");
    await page.getByRole("radio", { name: "Verder naar: Risicogestuurde zorg" }).check();
    await page.locator("#phase-reason").fill("De voorwaarde is vervuld: vader slaapt elders.");
    answer = nextApiResponse(page, "POST", `/cases/${caseId}/phase`);
    await page.locator("#phase-form").getByRole("button", { name: "Fase wijzigen" }).click();
    expect((await answer).status()).toBe(200);
    await expect
      .poll(() => page.locator("#case-phase").textContent())
      .toBe("De zaak is in de fase Risicogestuurde zorg.");
    // Saved: the form has closed behind its notice, and opens again on a fresh form.
    const phaseDisclosure = page.locator("details", {
      has: page.locator("summary", { hasText: "Fase wijzigen" }),
    });
    await expect.poll(() => phaseDisclosure.getAttribute("open")).toBeNull();
    await openDisclosure(page, "Fase wijzigen");
    expect(await page.locator("#phase-reason").inputValue()).toBe("");
    expect(await phaseDisclosure.locator(".schakel-form-failure, .schakel-error-summary").count()).toBe(0);
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // Children central: the flag stays until help is offered to the child.
    const flags = page.getByRole("list", { name: "Veiligheidsstatus" });
    expect(await flags.textContent()).toContain("1 kind zonder aangeboden hulp");
    await openDisclosure(page, `Hulp vastleggen voor ${zwolleCase.childName}`);
    const help = page.getByRole("form", { name: `Hulp vastleggen voor ${zwolleCase.childName}` });
    await help.getByLabel("Soort hulp").selectOption({ label: "Jeugdhulp" });
    await help.getByLabel("Welke hulp?").fill("Speltherapie bij het jeugdteam.");
    await help.getByLabel("Wie geeft de hulp?").selectOption({ label: "Lokaal team Zwolle" });
    answer = nextApiResponse(page, "POST", `/cases/${caseId}/persons/${zwolleCase.childId}/help`);
    await help.getByRole("button", { name: `Hulp vastleggen voor ${zwolleCase.childName}` }).click();
    expect((await answer).status()).toBe(201);
    await expect.poll(() => flags.textContent()).toContain("Alle kinderen hulp aangeboden");
    expect(await flags.textContent()).not.toContain("zonder aangeboden hulp");
    expect(await mainText(page)).toContain("Speltherapie bij het jeugdteam.");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // Closing: the weekly home visit is still open, so the director closes past it with a reason.
    await openDisclosure(page, "Zaak afsluiten");
    await page.locator("#close-case-reason").fill("Drie maanden veilig; de hulp loopt.");
    answer = nextApiResponse(page, "POST", `/cases/${caseId}/close`);
    await page.locator("#close-case").getByRole("button", { name: "Zaak afsluiten" }).click();
    expect((await answer).status()).toBe(409);
    await page.locator("#closure-reasons").waitFor();
    expect(await page.locator("#closure-reasons").textContent()).toContain(
      "De afspraak ‘Wekelijks huisbezoek door het lokale team.’ staat nog open.",
    );
    await page
      .locator("textarea[id^='close-override-agreement-open']")
      .fill("De huisbezoeken lopen door in de gewone hulp.");
    answer = nextApiResponse(page, "POST", `/cases/${caseId}/close`);
    await page.locator("#close-case").getByRole("button", { name: "Zaak afsluiten" }).click();
    expect((await answer).status()).toBe(200);
    const followUps = page.locator("#follow-ups");
    await followUps.waitFor();
    const today = todayInAmsterdam();
    expect(await followUps.locator("tbody tr th").allTextContents()).toEqual([
      "Na 3 maanden",
      "Na 6 maanden",
      "Na 12 maanden",
    ]);
    const dueDates = followUps.locator("time");
    expect(await dueDates.count()).toBe(3);
    for (const [index, months] of [3, 6, 12].entries()) {
      expect(await dueDates.nth(index).getAttribute("datetime")).toBe(addMonths(today, months));
    }
    expect(await mainText(page)).toContain("De zaak is gesloten.");
    const history = page.getByRole("list", { name: "Geschiedenis van de zaak, nieuwste eerst" });
    expect(await history.locator("li").first().textContent()).toContain("Zaak afgesloten");
    expect(await history.textContent()).toContain("Fase gewijzigd van Veiligheid naar Risicogestuurde zorg");
    expect(await history.textContent()).toContain(`Hulp aangeboden aan ${zwolleCase.childName}`);
    expect(await history.textContent()).toContain("De huisbezoeken lopen door in de gewone hulp.");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // The follow-ups are the local team's to record: on its start page.
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Start" }).click();
    const due = page.getByRole("region", { name: "Nazorg", exact: true });
    await expect.poll(() => due.getByRole("link", { name: `zaak ${reference}` }).count()).toBe(3);
    expect(await due.textContent()).toContain("nazorg na 3 maanden, uiterlijk");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    expect(problems).toEqual([]);
  }, 240_000);

  it("keeps both edits when two users save the plan from the same version", async () => {
    const url = baseUrl();
    const zwolle = await browserOf("lt.zwolle");
    const centre = await browserOf("intake");
    const zwolleApi = await apiOfLoggedInContext(zwolle.context, url);
    await zwolleApi.post(`/handovers/${conflictCase.handoverId}/accept`);
    const { id: caseId, reference } = conflictCase;
    const planUrl = `${url}/zaken/${caseId}/plan`;

    // Both open the plan at version 1.
    for (const page of [zwolle.page, centre.page]) {
      await page.goto(planUrl);
      await expectHeading(page, `Veiligheidsplan van zaak ${reference}`);
      await expect.poll(() => mainText(page)).toContain("U bewerkt versie 1,");
    }

    // The local team saves first.
    await zwolle.page.locator("#plan-goal").fill("Sem is veilig thuis en op school.");
    await zwolle.page.getByRole("button", { name: "Veiligheidsvoorwaarde toevoegen" }).click();
    await waitForFocus(zwolle.page, "textarea[id^='plan-condition-']");
    await zwolle.page.keyboard.type("Vader komt niet in huis.");
    let answer = nextApiResponse(zwolle.page, "PUT", `/cases/${caseId}/safety-plan`);
    await zwolle.page.getByRole("button", { name: "Plan opslaan" }).click();
    expect((await answer).status()).toBe(200);

    // The centre saves from the same version: the conflict, what changed, and its own edits kept.
    const page = centre.page;
    await page.locator("#plan-concerns").fill("Moeder is bang als vader drinkt.");
    await page.getByRole("button", { name: "Risico toevoegen" }).click();
    await waitForFocus(page, "input[id^='plan-risk-']");
    await page.keyboard.type("Vader drinkt veel.");
    answer = nextApiResponse(page, "PUT", `/cases/${caseId}/safety-plan`);
    await page.getByRole("button", { name: "Plan opslaan" }).click();
    const conflict = await answer;
    expect(conflict.status()).toBe(412);
    expect(conflict.request().headers()["if-match"]).toBe('"plan-v1"');
    await waitForFocus(page, ".schakel-conflict");
    const panel = page.getByRole("region", { name: "Het plan is intussen gewijzigd" });
    const panelText = (await panel.textContent()) ?? "";
    expect(panelText).toContain(
      `${names.get("lt.zwolle")} (Lokaal team Zwolle) heeft het plan opgeslagen als versie 2`,
    );
    expect(panelText).toContain("Wat is er veranderd van versie 1 naar versie 2");
    expect(await panel.locator("ins").allTextContents()).toContain(
      "[toegevoegd: Sem is veilig thuis en op school.]",
    );
    expect(panelText).toContain("Toegevoegd: Vader komt niet in huis.");
    expect(await page.locator("#plan-concerns").inputValue()).toBe("Moeder is bang als vader drinkt.");
    expect(await page.locator("#plan-goal").inputValue()).toBe("");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // Re-applied without retyping: the newest version with the centre's edits on top.
    await panel
      .getByRole("button", { name: "Mijn wijzigingen opnieuw toepassen op de nieuwste versie" })
      .click();
    await waitForFocus(page, ".schakel-notice");
    expect(await page.locator(".schakel-notice").textContent()).toContain(
      "Uw wijzigingen staan nu in versie 2",
    );
    expect(await page.locator("#plan-goal").inputValue()).toBe("Sem is veilig thuis en op school.");
    expect(await page.locator("#plan-concerns").inputValue()).toBe("Moeder is bang als vader drinkt.");
    expect(
      await page
        .getByRole("group", { name: "Veiligheidsvoorwaarde 1" })
        .getByLabel("Voorwaarde")
        .inputValue(),
    ).toBe("Vader komt niet in huis.");
    expect(await page.getByRole("group", { name: "Risico 1" }).getByLabel("Risico").inputValue()).toBe(
      "Vader drinkt veel.",
    );
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    answer = nextApiResponse(page, "PUT", `/cases/${caseId}/safety-plan`);
    await page.getByRole("button", { name: "Plan opslaan" }).click();
    const resaved = await answer;
    expect(resaved.status()).toBe(200);
    expect(resaved.request().headers()["if-match"]).toBe('"plan-v2"');
    await waitForFocus(page, ".schakel-notice");
    expect(await page.locator(".schakel-notice").textContent()).toContain("opgeslagen als versie 3");

    const final = (await intake.get(`/cases/${caseId}/safety-plan`)) as {
      version: number;
      plan: { goal: string; concerns: string; risks: string[]; safetyConditions: { text: string }[] };
    };
    expect(final.version).toBe(3);
    expect(final.plan.goal).toBe("Sem is veilig thuis en op school.");
    expect(final.plan.concerns).toBe("Moeder is bang als vader drinkt.");
    expect(final.plan.risks).toEqual(["Vader drinkt veel."]);
    expect(final.plan.safetyConditions.map((condition) => condition.text)).toEqual([
      "Vader komt niet in huis.",
    ]);

    // Every version with who saved it, and any two compared.
    await page.getByRole("link", { name: "Versies vergelijken" }).click();
    await expectHeading(page, `Versies van het veiligheidsplan van zaak ${reference}`);
    const rows = page.getByRole("table").locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.first().textContent()).toContain(
      `Versie 3${names.get("intake")}Veilig Thuis IJsselland`,
    );
    await page.getByLabel("Van versie").selectOption("1");
    await page.getByLabel("Naar versie").selectOption("3");
    await page.getByRole("button", { name: "Vergelijken" }).click();
    const comparison = page.getByRole("region", { name: "Versie 1 vergeleken met versie 3" });
    await waitForFocus(page, "#comparison-heading");
    await expect.poll(() => comparison.textContent()).toContain("Vader komt niet in huis.");
    expect(await comparison.textContent()).toContain("Moeder is bang als vader drinkt.");
    expect(await comparison.textContent()).toContain("Toegevoegd: Vader drinkt veel.");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    expect(zwolle.problems).toEqual([]);
    expect(centre.problems).toEqual([]);
  }, 240_000);

  it("lets another local team decline with a reason, after which the case is gone for it and the centre reads why", async () => {
    const url = baseUrl();
    const browser = await openBrowser();
    browsers.set("lt.deventer", browser);
    const { page, problems } = browser;
    await logInThroughForm(page, url, "lt.deventer");
    const { id: caseId, reference } = deventerCase;

    const handovers = page.getByRole("region", { name: "Openstaande overdrachten" });
    await expect.poll(() => handovers.textContent()).toContain(reference);
    await handovers.getByRole("link", { name: reference }).click();
    await expectHeading(page, `Zaak ${reference}`);
    const decision = page.getByRole("region", { name: "Overdracht aan uw organisatie" });
    await decision.getByRole("button", { name: "Overdracht weigeren" }).click();
    await waitForFocus(page, ".schakel-error-summary");
    expect(await page.locator(".schakel-error-summary").textContent()).toContain(
      "Vul in waarom uw organisatie de overdracht weigert.",
    );
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    await decision.getByLabel("Reden van weigeren").fill("Het gezin woont in Zwolle, niet in Deventer.");
    const answer = nextApiResponse(page, "POST", `/handovers/${deventerCase.handoverId}/decline`);
    await decision.getByRole("button", { name: "Overdracht weigeren" }).click();
    expect((await answer).status()).toBe(200);
    await page.waitForURL(`${url}/`);
    await expect
      .poll(() => mainText(page))
      .toContain(`U heeft de overdracht van zaak ${reference} geweigerd.`);
    await expect
      .poll(() => handovers.textContent())
      .toContain("Er zijn geen overdrachten die wachten op acceptatie.");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // The case no longer exists for Deventer.
    const hidden = nextApiResponse(page, "GET", `/cases/${caseId}`);
    await page.goto(`${url}/zaken/${caseId}`);
    expect((await hidden).status()).toBe(404);
    await expectHeading(page, "Pagina niet gevonden");
    expect(await mainText(page)).not.toContain("Smit");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    expect(problems).toEqual([]);

    // The centre is told, and reads the reason in the case's history.
    const centre = await browserOf("intake");
    await centre.page.goto(`${url}/`);
    const notifications = centre.page.getByRole("region", { name: "Berichten" });
    // The start page loads several lists at once; on a busy machine that takes seconds.
    await expect
      .poll(() => notifications.textContent(), { timeout: 10_000 })
      .toContain(`Overdracht geweigerd: ${reference}`);
    await expectNoAxeViolations(centre.page);
    await expectNoSidewaysScroll(centre.page);
    await notifications.getByRole("link", { name: reference }).first().click();
    await expectHeading(centre.page, `Zaak ${reference}`);
    const history = centre.page.getByRole("list", { name: "Geschiedenis van de zaak, nieuwste eerst" });
    const latest = history.locator("li").first();
    await expect.poll(() => latest.textContent()).toContain("Overdracht geweigerd");
    expect(await latest.textContent()).toContain("Lokaal team Deventer");
    expect(await latest.textContent()).toContain("Reden: Het gezin woont in Zwolle, niet in Deventer.");
    expect(
      await centre.page.getByRole("region", { name: "Overdrachten", exact: true }).textContent(),
    ).toContain("Geweigerd");
    await expectNoAxeViolations(centre.page);
    await expectNoSidewaysScroll(centre.page);
    expect(centre.problems).toEqual([]);
  }, 240_000);
});
