import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCalendarDays } from "../src/shared/calendar/working-days.ts";
import { type ApiSession, householdReport, logInThroughApi } from "./support/api.ts";
import { expectNoAxeViolations } from "./support/axe.ts";
import { type BrowserSession, openBrowser } from "./support/browser.ts";
import { nextApiResponse, waitForFocus } from "./support/page.ts";
import { expectNoSidewaysScroll } from "./support/reflow.ts";
import { type RunningServer, startServer } from "./support/server.ts";

/** The machine is shared: give the page time to load and reload. */
const soon = { timeout: 15_000 };

function todayInAmsterdam(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
}

/** A date as the Dutch interface writes it out: "maandag 8 februari 2027". */
function longDutchDate(isoDate: string): string {
  return new Intl.DateTimeFormat("nl-NL", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

async function openAllDisclosures(page: Page): Promise<void> {
  await page.evaluate(`document.querySelectorAll("details").forEach((details) => { details.open = true; })`);
}

async function assessedReport(intake: ApiSession, family: string, child: string, acute: boolean) {
  const created = (await intake.post("/reports", householdReport(family, child, "GM0193"))) as {
    id: string;
    reference: string;
  };
  await intake.post(`/reports/${created.id}/safety-assessment`, {
    acuteUnsafety: acute,
    structuralUnsafety: true,
    immediateMeasures: acute ? ["Politie ingelicht"] : [],
  });
  return created;
}

describe("the centre's own routes: an investigation with its 10 weeks, feedback to the reporter as a task, crisis", () => {
  let server: RunningServer | undefined;
  let setup: BrowserSession | undefined;
  let intake: ApiSession;
  let report: { id: string; reference: string };
  let crisisCase: { id: string; reference: string; fatherId: string };

  function baseUrl(): string {
    if (server === undefined) {
      throw new Error("the server must be running");
    }
    return server.baseUrl;
  }

  beforeAll(async () => {
    server = await startServer();
    setup = await openBrowser();
    intake = await logInThroughApi(setup.context, baseUrl(), "intake");
    report = await assessedReport(intake, "Bakker", "Mila", false);
    const crisis = await assessedReport(intake, "Vos", "Daan", true);
    const triaged = (await intake.post(`/reports/${crisis.id}/triage`, {
      route: "crisis",
      rationale: "Vader dreigt moeder iets aan te doen; direct ingrijpen.",
      keepReason: "direct-intervention",
    })) as { caseId: string };
    const detail = (await intake.get(`/cases/${triaged.caseId}`)) as {
      reference: string;
      persons: { id: string; role: string }[];
    };
    crisisCase = {
      id: triaged.caseId,
      reference: detail.reference,
      fatherId: detail.persons.find((p) => p.role === "alleged-perpetrator")?.id ?? "",
    };
  });

  afterAll(async () => {
    await setup?.close();
    await server?.stop();
  });

  it("triages to an investigation with the reason the centre keeps it, starts it, shows its 10-week date, and does the reporter's feedback as a task", async () => {
    const browser = await openBrowser();
    try {
      const { page, problems } = browser;
      const url = baseUrl();
      await logInThroughApi(browser.context, url, "centre.worker");

      // The triage: investigation, which the centre keeps, so it asks why.
      await page.goto(`${url}/meldingen/${report.id}`);
      await page.getByRole("heading", { level: 1, name: `Melding ${report.reference}` }).waitFor();
      const triage = page.getByRole("region", { name: "Triage" });
      await triage.getByRole("radio", { name: "Onderzoek" }).check();
      await triage
        .getByLabel("Onderbouwing")
        .fill("Het gezin ontkent; het is nog onduidelijk wat er speelt.");
      await triage.getByRole("button", { name: "Route vastleggen" }).click();
      await expect
        .poll(() => triage.textContent(), soon)
        .toContain("Kies waarom Veilig Thuis de zaak zelf houdt.");
      await expectNoAxeViolations(page);
      await expectNoSidewaysScroll(page);
      await triage.getByRole("radio", { name: "Het gezin weigert hulp" }).check();
      const triaged = nextApiResponse(page, "POST", `/reports/${report.id}/triage`);
      await triage.getByRole("button", { name: "Route vastleggen" }).click();
      expect((await triaged).status()).toBe(200);
      await waitForFocus(page, ".schakel-notice");
      // The page shows the decided triage once the report is fetched again.
      await expect.poll(() => triage.textContent(), soon).toContain("Het gezin weigert hulp");
      // The reporter protection belongs to the report, for the centre.
      const protection = page.getByRole("region", { name: "Identiteit van de melder en het gezin" });
      expect(await protection.textContent()).toContain("wordt niet geheimgehouden");
      await expectNoAxeViolations(page);
      await expectNoSidewaysScroll(page);

      await page.locator(".schakel-notice").getByRole("link", { name: "Naar de zaak" }).click();
      await page.waitForURL(/\/zaken\//);
      const caseHeading = page.getByRole("heading", { level: 1, name: /^Zaak / });
      await caseHeading.waitFor();
      const caseTitle = (await caseHeading.textContent()) ?? "";
      const section = page.getByRole("region", { name: "Eigen routes van Veilig Thuis" });
      await expect.poll(() => section.textContent(), soon).toContain("Onderzoek — nog niet gestart");
      expect(await section.textContent()).toContain("Het gezin weigert hulp");

      // The start: the 10 weeks count from it.
      const today = todayInAmsterdam();
      const started = nextApiResponse(page, "POST", /^\/trajectories\/[^/]+\/start$/);
      await section.getByRole("button", { name: "Start van onderzoek vastleggen" }).click();
      expect((await started).status()).toBe(200);
      await expect.poll(() => section.textContent(), soon).toContain("Onderzoek — loopt");
      const text = (await section.textContent()) ?? "";
      expect(text).toContain("Klaar uiterlijk (10 weken na de start)");
      expect(text).toContain(longDutchDate(addCalendarDays(today, 70)));
      expect(text).toContain("nog 70 dagen");

      // Feedback to the reporter after the safety assessment: a task with a due date.
      const feedback = "Terugkoppeling aan de melder na de veiligheidsbeoordeling";
      expect(text).toContain(feedback);
      expect(text).toContain("Het gezin informeren");
      await openAllDisclosures(page);
      await expectNoAxeViolations(page);
      await expectNoSidewaysScroll(page);
      await section.screenshot({ path: "/tmp/centre-routes-section.png" });
      const form = section.locator("details", { hasText: `${feedback} vastleggen als gedaan` });
      await form
        .getByLabel("Wat is er gezegd")
        .fill("De leerkracht verteld dat wij onderzoek doen en wat zij kan doen.");
      const done = nextApiResponse(page, "POST", /^\/centre-tasks\/[^/]+\/done$/);
      await form.getByRole("button", { name: "Vastleggen als gedaan" }).click();
      expect((await done).status()).toBe(200);
      await expect.poll(() => section.textContent(), soon).toContain("op tijd klaar");
      expect(await section.textContent()).toMatch(
        /Gedaan op [^:]+: De leerkracht verteld dat wij onderzoek doen/,
      );

      // The history says so too.
      const history = page.getByRole("region", { name: "Geschiedenis" });
      await expect.poll(() => history.textContent(), soon).toContain(`Gedaan: ${feedback}`);
      expect(await history.textContent()).toContain("Onderzoek gestart op");

      // The centre's work list on the start page: the running investigation and the open task.
      await page.goto(`${url}/`);
      const worklist = page.getByRole("region", { name: "Eigen trajecten en taken van Veilig Thuis" });
      await expect.poll(() => worklist.textContent(), soon).toContain("Onderzoek, klaar uiterlijk");
      expect(await worklist.textContent()).toContain("Het gezin informeren");
      expect(await worklist.textContent()).toContain(`${caseTitle}: Het gezin informeren`);
      expect(await worklist.textContent()).not.toContain(`${caseTitle}: ${feedback}`);
      await expectNoAxeViolations(page);
      await expectNoSidewaysScroll(page);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("shows a crisis case's prompt for the restraining order until one is recorded", async () => {
    const browser = await openBrowser();
    try {
      const { page, problems } = browser;
      const url = baseUrl();
      await logInThroughApi(browser.context, url, "intake");
      await page.goto(`${url}/zaken/${crisisCase.id}`);
      await page.getByRole("heading", { level: 1, name: `Zaak ${crisisCase.reference}` }).waitFor();
      const prompt = page.getByRole("heading", { name: "Crisis: leg het huisverbod of de opvang vast" });
      await prompt.waitFor();
      expect(await page.getByRole("main").textContent()).toContain("Er is acute onveiligheid");
      await expectNoAxeViolations(page);
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: "/tmp/centre-routes-crisis.png" });

      await page.getByRole("link", { name: "Naar huisverbod en opvang" }).click();
      await waitForFocus(page, "#maatregelen-heading");
      await page.locator("summary", { hasText: "Huisverbod vastleggen" }).click();
      await page.getByLabel("Op wie is het huisverbod opgelegd?").selectOption(crisisCase.fatherId);
      const recorded = nextApiResponse(page, "POST", `/cases/${crisisCase.id}/restraining-orders`);
      await page
        .locator("details", { hasText: "Huisverbod vastleggen" })
        .getByRole("button", { name: "Huisverbod vastleggen" })
        .click();
      expect((await recorded).status()).toBe(201);
      await expect.poll(() => prompt.count(), soon).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
