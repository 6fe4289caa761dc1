import type { APIRequestContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addWorkingDays, workingDaysBetween } from "../src/shared/calendar/working-days.ts";
import { createdReportSchema } from "../src/shared/intake.ts";
import { expectNoAxeViolations } from "./support/axe.ts";
import { serverAndFreshBrowser } from "./support/journey.ts";
import {
  expectHeading,
  logInThroughForm,
  logOutThroughHeader,
  nextApiResponse,
  waitForFocus,
} from "./support/page.ts";
import { expectNoSidewaysScroll } from "./support/reflow.ts";

const noExtraDays = { extraNonWorkingDays: new Set<string>() };
const dayMs = 86_400_000;

/** Today's date in Amsterdam, where the time limits run. */
function todayInAmsterdam(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);
}

/** Five weekdays after a date, ignoring holidays: what a deadline would be if holidays counted. */
function addWeekdays(date: string, n: number): string {
  let day = date;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) {
      left -= 1;
    }
  }
  return day;
}

/**
 * The most recent past weekday whose 5-working-day deadline is pushed back by a public holiday,
 * so the journey proves that holidays are skipped whatever day the test runs.
 */
function receiptDateBeforeHoliday(): string {
  let candidate = addDays(todayInAmsterdam(), -1);
  for (;;) {
    const weekday = new Date(`${candidate}T00:00:00Z`).getUTCDay();
    if (
      weekday !== 0 &&
      weekday !== 6 &&
      addWorkingDays(candidate, 5, noExtraDays) !== addWeekdays(candidate, 5)
    ) {
      return candidate;
    }
    candidate = addDays(candidate, -1);
  }
}

const dutchDate = new Intl.DateTimeFormat("nl-NL", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** The badge text the app shows for a due date, computed with the server's calendar. */
function expectedBadge(dueOn: string): string {
  const today = todayInAmsterdam();
  if (dueOn < today) {
    return "te laat";
  }
  if (dueOn === today) {
    return "vandaag";
  }
  const left = workingDaysBetween(today, dueOn, noExtraDays);
  return left === 1 ? "nog 1 werkdag" : `nog ${left} werkdagen`;
}

/** The CSRF token of the page's session, for API calls made with the browser's cookies. */
async function csrfTokenOf(request: APIRequestContext, baseUrl: string): Promise<string> {
  const me = await request.get(`${baseUrl}/api/v1/auth/me`);
  expect(me.status()).toBe(200);
  const body = (await me.json()) as { csrfToken: string };
  return body.csrfToken;
}

async function mainText(page: Page): Promise<string> {
  return (await page.getByRole("main").textContent()) ?? "";
}

describe("intake: from a new report to a handover, and the public form", () => {
  const running = serverAndFreshBrowser();

  it("lets anyone send a report without an account, from the login page", async () => {
    const { baseUrl, page, problems } = running();
    await page.goto(`${baseUrl}/inloggen`);
    await expectHeading(page, "Inloggen");
    await page.getByRole("link", { name: "Zorgen over iemand? Meld het zonder account" }).click();
    await page.waitForURL(`${baseUrl}/melden`);
    await expectHeading(page, "Zorgen over iemand? Vertel het Veilig Thuis");
    expect(await page.title()).toBe("Melden of advies vragen — Schakel");
    await waitForFocus(page, "h1");
    // The emergency number comes first, before the form.
    expect(await page.getByRole("alert").first().textContent()).toContain("Bel 112");
    await page.getByRole("radio", { name: "Ik wil een melding doen" }).waitFor();
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // Sending without the required answers: an error summary that takes focus, with links to the fields.
    await page.getByRole("button", { name: "Versturen" }).click();
    const summary = page.locator(".schakel-error-summary");
    await waitForFocus(page, ".schakel-error-summary");
    expect(await summary.textContent()).toContain("Kies of u advies wilt of een melding wilt doen.");
    expect(await summary.textContent()).toContain("Persoon 1: Kies de rol van deze persoon.");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    await summary.getByRole("link", { name: "Kies de gemeente waar het gezin woont." }).click();
    await waitForFocus(page, "#public-municipality");

    await page.getByRole("radio", { name: "Ik wil een melding doen" }).check();
    await page.getByRole("radio", { name: "Ik ben buur, familie, vriend of kennis" }).check();
    await page.getByLabel("Uw telefoonnummer of e-mailadres").fill("06-12345678");
    await page.selectOption("#public-municipality", { label: "Deventer" });
    await page
      .getByLabel("Wat maakt u zich zorgen?")
      .fill("Ik hoor 's nachts vaak geschreeuw en een kind dat huilt.");
    await page.locator("#person-p1-first-name").fill("Noor");
    await page.selectOption("#person-p1-role", { label: "Een kind in het gezin" });
    // An extra person row left empty neither blocks sending nor is sent.
    await page.getByRole("button", { name: "Persoon toevoegen" }).click();
    await waitForFocus(page, "#person-p2-first-name");

    const answer = nextApiResponse(page, "POST", "/public/reports");
    await page.getByRole("button", { name: "Versturen" }).click();
    const response = await answer;
    expect(response.status()).toBe(201);
    const sent = response.request().postDataJSON() as { persons: { firstName?: string }[] };
    expect(sent.persons.map((person) => person.firstName)).toEqual(["Noor"]);
    const { reference } = (await response.json()) as { reference: string };
    expect(reference).toMatch(/\S/);

    await expectHeading(page, "Dank u wel");
    await waitForFocus(page, "h1");
    const text = await mainText(page);
    expect(text).toContain(`Uw melding is ontvangen. Kenmerk: ${reference}`);
    expect(text).toContain("Wat gebeurt er nu?");
    // Only the reference: nothing about who is known to Veilig Thuis.
    expect(text).not.toContain("bekend");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    expect(problems).toEqual([]);
  });

  it("records a report with a household, confirms a known person, assesses, triages to Zwolle, and keeps Deventer out", async () => {
    const { baseUrl, page, problems, browser: session } = running();
    const request = session.context.request;

    // As the intake worker.
    await logInThroughForm(page, baseUrl, "intake");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // Before the journey, through the API: a report that makes the mother a known person.
    const csrf = await csrfTokenOf(request, baseUrl);
    const earlier = await request.post(`${baseUrl}/api/v1/reports`, {
      headers: { "X-CSRF-Token": csrf },
      data: {
        kind: "report",
        receivedAt: new Date(Date.now() - 60 * dayMs).toISOString(),
        channel: "police",
        reporter: { category: "police" },
        municipalityCode: "GM0193",
        persons: [
          { key: "p1", firstName: "Fatima", lastName: "El Amrani", birthDate: "1988-03-14", role: "victim" },
        ],
        relations: [],
        violenceTypes: ["partner-violence"],
        narrative: "Politie werd gebeld door de buren.",
        acuteConcern: false,
      },
    });
    expect(earlier.status()).toBe(201);
    const checklistAnswer = await request.get(`${baseUrl}/api/v1/risk-checklist`);
    const checklist = (await checklistAnswer.json()) as { items: { id: string; weight: number }[] };
    const organisations = (await (await request.get(`${baseUrl}/api/v1/organisations`)).json()) as {
      id: string;
      name: string;
    }[];
    const zwolleTeam = organisations.find((organisation) => organisation.name === "Lokaal team Zwolle");
    expect(zwolleTeam).toBeDefined();

    // The queue, reached by the main menu; then the new report form.
    await page
      .getByRole("navigation", { name: "Hoofdmenu" })
      .getByRole("link", { name: "Meldingen" })
      .click();
    await page.waitForURL(`${baseUrl}/meldingen`);
    await expectHeading(page, "Wachtrij meldingen en adviesvragen");
    await page.getByRole("table").waitFor();
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    await page.getByRole("link", { name: "Nieuwe melding of adviesvraag" }).click();
    await page.waitForURL(`${baseUrl}/meldingen/nieuw`);
    await expectHeading(page, "Nieuwe melding of adviesvraag");
    await page.getByRole("radio", { name: "Melding" }).waitFor();
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // Sending with nothing chosen: the summary lists every required choice and takes focus.
    await page.getByRole("button", { name: "Melding vastleggen" }).click();
    await waitForFocus(page, ".schakel-error-summary");
    const summary = page.locator(".schakel-error-summary");
    for (const message of [
      "Kies of het een melding of een adviesvraag is.",
      "Kies hoe de melding binnenkwam.",
      "Kies wie meldt.",
      "Kies een gemeente uit de regio.",
      "Beschrijf wat er aan de hand is.",
      "Persoon 1: Kies de rol van deze persoon.",
    ]) {
      expect(await summary.textContent()).toContain(message);
    }
    expect(await page.locator("#channel").getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // The report: received on a day whose deadline a public holiday pushes back.
    const receivedOn = receiptDateBeforeHoliday();
    await page.getByRole("radio", { name: "Melding" }).check();
    await page.locator("#received-date").fill(receivedOn);
    await page.locator("#received-time").fill("10:00");
    await page.selectOption("#channel", { label: "Telefoon" });
    await page.selectOption("#reporter-category", { label: "Professional" });
    await page.selectOption("#reporter-sector", { label: "Onderwijs" });
    await page.getByLabel("Naam van de melder").fill("Anna de Boer");
    await page.getByLabel("Organisatie van de melder").fill("Basisschool De Regenboog");
    await page.getByLabel("Telefoon of e-mail van de melder").fill("038-1234567");
    await page.selectOption("#municipality", { label: "Zwolle" });
    await page
      .getByLabel("Wat is er aan de hand?")
      .fill("Yasmin vertelt op school over ruzies thuis; moeder had een blauwe plek.");
    await page.getByRole("checkbox", { name: "Partnergeweld", exact: true }).check();
    await page.getByRole("checkbox", { name: "Getuige van partnergeweld" }).check();

    // The household, built with the editor: mother, partner and child.
    await page.locator("#person-p1-first-name").fill("Fatma");
    await page.locator("#person-p1-last-name").fill("el-Amrani");
    await page.locator("#person-p1-birth-date").fill("1988-03-14");
    await page.locator("#person-p1-bsn").fill("123456789");
    await page.selectOption("#person-p1-role", { label: "Slachtoffer" });
    await page.getByRole("button", { name: "Persoon toevoegen" }).click();
    await waitForFocus(page, "#person-p2-first-name");
    await page.keyboard.type("Karim");
    await page.locator("#person-p2-last-name").fill("el-Amrani");
    await page.locator("#person-p2-birth-date").fill("1985-07-01");
    await page.selectOption("#person-p2-role", { label: "Vermoedelijke pleger" });
    await page.getByRole("button", { name: "Persoon toevoegen" }).click();
    await waitForFocus(page, "#person-p3-first-name");
    await page.keyboard.type("Yasmin");
    await page.locator("#person-p3-last-name").fill("el-Amrani");
    await page.locator("#person-p3-birth-date").fill("2018-05-20");
    await page.selectOption("#person-p3-role", { label: "Kind (getuige)" });
    // A person added by mistake is removed again with the keyboard; focus returns to the persons before it.
    await page.getByRole("button", { name: "Persoon toevoegen" }).click();
    await waitForFocus(page, "#person-p4-first-name");
    await page.getByRole("button", { name: "Persoon 4 verwijderen" }).focus();
    await page.keyboard.press("Enter");
    await waitForFocus(page, "#person-p3-first-name");
    expect(await page.locator("#person-p4-first-name").count()).toBe(0);
    await expect
      .poll(() => page.getByRole("region", { name: "Huishouden" }).getByRole("status").textContent())
      .toBe("Persoon 4 is verwijderd.");
    const relations: [string, string, string][] = [
      ["Persoon 1 (Fatma el-Amrani)", "is de partner van", "Persoon 2 (Karim el-Amrani)"],
      ["Persoon 1 (Fatma el-Amrani)", "is een ouder van", "Persoon 3 (Yasmin el-Amrani)"],
      ["Persoon 2 (Karim el-Amrani)", "is een ouder van", "Persoon 3 (Yasmin el-Amrani)"],
    ];
    for (const [index, [from, type, to]] of relations.entries()) {
      await page.getByRole("button", { name: "Relatie toevoegen" }).click();
      const id = `r${index + 1}`;
      await waitForFocus(page, `#relation-${id}-from`);
      await page.selectOption(`#relation-${id}-from`, { label: from });
      await page.selectOption(`#relation-${id}-type`, { label: type });
      await page.selectOption(`#relation-${id}-to`, { label: to });
    }
    expect(await mainText(page)).toContain(
      "Fatma el-Amrani (persoon 1) is een ouder van Yasmin el-Amrani (persoon 3).",
    );
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // An invalid BSN only the server checks (the eleven-test): its 400 lands in the summary and at the field.
    let answer = nextApiResponse(page, "POST", "/reports");
    await page.getByRole("button", { name: "Melding vastleggen" }).click();
    expect((await answer).status()).toBe(400);
    await waitForFocus(page, ".schakel-error-summary");
    expect(await summary.textContent()).toContain("Persoon 1 (Fatma el-Amrani): Vul een geldig BSN in");
    expect(await page.locator("#person-p1-bsn").getAttribute("aria-invalid")).toBe("true");
    await summary.getByRole("link", { name: /Vul een geldig BSN in/ }).click();
    await waitForFocus(page, "#person-p1-bsn");
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.press("Delete");

    answer = nextApiResponse(page, "POST", "/reports");
    await page.getByRole("button", { name: "Melding vastleggen" }).click();
    const createdResponse = await answer;
    expect(createdResponse.status()).toBe(201);
    const created = createdReportSchema.parse(await createdResponse.json());
    await page.waitForURL(`${baseUrl}/meldingen/${created.id}`);
    await expectHeading(page, `Melding ${created.reference}`);
    await waitForFocus(page, "h1");

    // The deadline: 5 working days with the holiday skipped, as the server computes it.
    const expectedDue = addWorkingDays(receivedOn, 5, noExtraDays);
    expect(expectedDue).not.toBe(addWeekdays(receivedOn, 5));
    expect(created.deadlines.safetyAssessment).toBe(expectedDue);
    const deadline = page.locator("#deadline-safety-assessment");
    expect(await deadline.locator("time").getAttribute("datetime")).toBe(expectedDue);
    expect(await deadline.locator("time").textContent()).toBe(
      dutchDate.format(new Date(`${expectedDue}T00:00:00Z`)),
    );
    expect(await deadline.locator(".schakel-deadline-badge").textContent()).toBe(expectedBadge(expectedDue));
    // The reporter's identity is shown to the centre, marked as such.
    expect(await mainText(page)).toContain("Alleen zichtbaar voor Veilig Thuis.");
    expect(await mainText(page)).toContain("Anna de Boer");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // The mother is offered as a known person; the intake worker confirms it.
    expect(created.matches.some((match) => match.personKey === "p1")).toBe(true);
    const matches = page.getByRole("region", { name: "Eerder bekend?" });
    const candidate = matches
      .getByRole("listitem")
      .filter({ hasText: "Bekende persoon 1 voor Fatma el-Amrani" });
    expect(await candidate.textContent()).toContain("naam lijkt");
    expect(await candidate.textContent()).toContain("geboortedatum");
    // The known person as Schakel knows them, to judge "the same person?".
    expect(await candidate.textContent()).toContain("NaamFatima El Amrani");
    expect(await candidate.textContent()).toContain("Geboortedatum14 maart 1988");
    const confirmed = nextApiResponse(page, "POST", /^\/reports\/[^/]+\/matches\/[^/]+\/confirm$/);
    await candidate.getByRole("button", { name: "Zelfde persoon" }).click();
    expect((await confirmed).status()).toBe(200);
    await waitForFocus(page, ".schakel-match__status");
    expect(await candidate.textContent()).toContain("Bevestigd: zelfde persoon");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // Triage before the assessment: the server refuses (409) and the page says why.
    const triageForm = page.getByRole("region", { name: "Triage" });
    await triageForm.getByRole("radio", { name: "Overdragen" }).check();
    await page.selectOption("#triage-organisation", { label: "Lokaal team Zwolle" });
    await triageForm
      .getByLabel("Onderbouwing")
      .fill("Lokaal team Zwolle kent het gezin en kan snel starten.");
    answer = nextApiResponse(page, "POST", `/reports/${created.id}/triage`);
    await triageForm.getByRole("button", { name: "Route vastleggen" }).click();
    expect((await answer).status()).toBe(409);
    await waitForFocus(page, ".schakel-form-failure");
    expect(await triageForm.textContent()).toContain("leg eerst de veiligheidsbeoordeling vast");

    // The safety assessment with the risk checklist: score and level shown live, the level raised by judgement.
    const assessment = page.getByRole("region", { name: "Veiligheidsbeoordeling" });
    await assessment
      .getByRole("radiogroup", { name: "Is er acute onveiligheid?" })
      .getByRole("radio", { name: "Nee" })
      .check();
    await assessment
      .getByRole("radiogroup", { name: "Is er structurele onveiligheid?" })
      .getByRole("radio", { name: "Ja" })
      .check();
    await assessment
      .getByLabel("Directe maatregelen")
      .fill("Gesprek met moeder op school\nHuisarts ingelicht");
    const yesItems = checklist.items.slice(0, 10);
    for (const item of yesItems) {
      await page.locator(`#checklist-${item.id}`).check();
    }
    await page.locator(`#checklist-${checklist.items[10]?.id}-no`).check();
    const score = yesItems.reduce((sum, item) => sum + item.weight, 0);
    const result = page.locator("#checklist-result");
    await expect.poll(() => result.textContent()).toContain(`Score: ${score} van 24.`);
    expect(await result.textContent()).toContain("Risiconiveau volgens de checklist: verhoogd.");
    expect(await assessment.textContent()).toContain("De checklist is een hulpmiddel, geen oordeel");
    // Raising is offered; lowering is not.
    const levelOptions = await page.locator("#professional-level option").allTextContents();
    expect(levelOptions).toEqual(["Het niveau van de checklist volgen (verhoogd)", "Verhogen naar hoog"]);
    await page.selectOption("#professional-level", { label: "Verhogen naar hoog" });
    expect(await result.textContent()).toContain("Door uw professionele oordeel verhoogd naar: hoog.");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    answer = nextApiResponse(page, "POST", `/reports/${created.id}/safety-assessment`);
    await assessment.getByRole("button", { name: "Veiligheidsbeoordeling vastleggen" }).click();
    expect((await answer).status()).toBe(200);
    await waitForFocus(page, ".schakel-notice");
    expect(await page.locator(".schakel-notice").textContent()).toContain(
      "De veiligheidsbeoordeling is vastgelegd, met risiconiveau hoog.",
    );
    await expect
      .poll(() => assessment.textContent(), { timeout: 10_000 })
      .toContain(`score ${score}, niveau hoog. Het niveau is door professioneel oordeel verhoogd.`);

    // The triage: hand over to the local team of Zwolle.
    await triageForm.getByRole("radio", { name: "Overdragen" }).check();
    await page.selectOption("#triage-organisation", { label: "Lokaal team Zwolle" });
    await triageForm
      .getByLabel("Onderbouwing")
      .fill("Lokaal team Zwolle kent het gezin en kan snel starten.");
    answer = nextApiResponse(page, "POST", `/reports/${created.id}/triage`);
    await triageForm.getByRole("button", { name: "Route vastleggen" }).click();
    const triageResponse = await answer;
    expect(triageResponse.status()).toBe(200);
    const { caseId } = (await triageResponse.json()) as { caseId: string };
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
    await waitForFocus(page, ".schakel-notice");
    await expect.poll(() => triageForm.textContent()).toContain("Lokaal team Zwolle");
    expect(
      await page.locator(".schakel-notice").getByRole("link", { name: "Naar de zaak" }).getAttribute("href"),
    ).toBe(`/zaken/${caseId}`);
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // The queue shows the report as triaged, with a link to its case.
    await page
      .getByRole("navigation", { name: "Hoofdmenu" })
      .getByRole("link", { name: "Meldingen" })
      .click();
    await expectHeading(page, "Wachtrij meldingen en adviesvragen");
    const row = page.getByRole("row").filter({ hasText: created.reference });
    await expect.poll(() => row.textContent()).toContain("Triage gedaan");
    await logOutThroughHeader(page, baseUrl);

    // As the local team of Zwolle: the case with its pending handover on the start page, then the case page.
    await logInThroughForm(page, baseUrl, "lt.zwolle");
    const cases = page.getByRole("region", { name: "Mijn zaken" });
    const handovers = page.getByRole("region", { name: "Openstaande overdrachten" });
    await expect.poll(() => handovers.textContent()).toContain("Naar uw organisatie (1)");
    expect(await handovers.textContent()).toContain("van Veilig Thuis IJsselland naar Lokaal team Zwolle");
    const caseLink = cases.getByRole("link").first();
    await caseLink.waitFor();
    expect(await caseLink.getAttribute("href")).toBe(`/zaken/${caseId}`);
    // Only the sections of a case worker outside the centre: no intake queue.
    expect(await page.getByRole("heading", { level: 2 }).allTextContents()).toEqual([
      "Mijn zaken",
      "Openstaande overdrachten",
      "Berichten",
      "Open afspraken van uw organisatie",
      "Nazorg",
    ]);
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    const caseReference = await caseLink.textContent();
    const caseAnswer = nextApiResponse(page, "GET", `/cases/${caseId}`);
    await handovers.getByRole("link").first().click();
    expect((await caseAnswer).status()).toBe(200);
    await page.waitForURL(`${baseUrl}/zaken/${caseId}`);
    await expectHeading(page, `Zaak ${caseReference}`);
    await waitForFocus(page, "h1");
    const caseText = await mainText(page);
    expect(caseText).toContain("Fatima El Amrani");
    expect(caseText).toContain("Karim el-Amrani");
    expect(caseText).toContain("Yasmin el-Amrani");
    expect(caseText).toContain("Kind (getuige)");
    expect(caseText).toContain("Wacht op acceptatie");
    expect(caseText).toContain("een overdracht ontvangt die wacht op acceptatie");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // The cases list shows it too, with the pending handover.
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Zaken" }).click();
    await expectHeading(page, "Zaken van uw organisatie");
    const caseRow = page.getByRole("row").filter({ has: page.locator(`a[href="/zaken/${caseId}"]`) });
    await expect.poll(() => caseRow.textContent()).toContain("Wacht op acceptatie");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    await logOutThroughHeader(page, baseUrl);

    // As the local team of Deventer: neither the case nor the report exists for them.
    await logInThroughForm(page, baseUrl, "lt.deventer");
    const hiddenCase = nextApiResponse(page, "GET", `/cases/${caseId}`);
    await page.goto(`${baseUrl}/zaken/${caseId}`);
    expect((await hiddenCase).status()).toBe(404);
    await expectHeading(page, "Pagina niet gevonden");
    expect(await mainText(page)).not.toContain("el-Amrani");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    const hiddenReport = nextApiResponse(page, "GET", `/reports/${created.id}`);
    await page.goto(`${baseUrl}/meldingen/${created.id}`);
    expect((await hiddenReport).status()).toBe(404);
    await expectHeading(page, "Pagina niet gevonden");
    expect(await mainText(page)).not.toContain("el-Amrani");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    expect(problems).toEqual([]);
  }, 240_000);
});
