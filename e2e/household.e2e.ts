import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createdReportSchema } from "../src/shared/intake.ts";
import { apiOfLoggedInContext } from "./support/api.ts";
import { expectNoAxeViolations } from "./support/axe.ts";
import { serverAndFreshBrowser } from "./support/journey.ts";
import { logInThroughForm, nextApiResponse, waitForFocus } from "./support/page.ts";
import { expectNoSidewaysScroll } from "./support/reflow.ts";

/** The machine runs several suites at once: give slow renders more time than the default second. */
const patience = { timeout: 20_000 };

async function heading(page: Page, text: string): Promise<void> {
  const h1 = page.getByRole("heading", { level: 1 });
  await expect.poll(() => h1.textContent(), patience).toBe(text);
}

async function mainText(page: Page): Promise<string> {
  return (await page.getByRole("main").textContent()) ?? "";
}

describe("one household, one case; the police reports", () => {
  const running = serverAndFreshBrowser();

  it("puts a second report on the mother (BSN only, name misspelled) and her child on the household's open case, after the intake worker's choice", async () => {
    const { baseUrl, page, problems, browser } = running();

    // As the intake worker; before the journey, through the API: the household's first report,
    // triaged into a case.
    await logInThroughForm(page, baseUrl, "intake");
    const api = await apiOfLoggedInContext(browser.context, baseUrl);
    const first = createdReportSchema.parse(
      await api.post("/reports", {
        kind: "report",
        receivedAt: new Date(Date.now() - 20 * 86_400_000).toISOString(),
        channel: "police",
        reporter: { category: "police" },
        municipalityCode: "GM0193",
        persons: [
          {
            key: "m",
            firstName: "Samira",
            lastName: "Bouzid",
            birthDate: "1990-02-11",
            bsn: "628194821",
            role: "victim",
          },
          { key: "c", firstName: "Yara", lastName: "Bouzid", birthDate: "2019-08-01", role: "child-witness" },
        ],
        relations: [{ from: "m", to: "c", type: "parent" }],
        violenceTypes: ["partner-violence"],
        narrative: "De politie werd gebeld door de buren.",
        acuteConcern: false,
      }),
    );
    await api.post(`/reports/${first.id}/safety-assessment`, {
      acuteUnsafety: false,
      structuralUnsafety: true,
      immediateMeasures: ["Veiligheidsafspraak met moeder"],
    });
    const { caseId } = (await api.post(`/reports/${first.id}/triage`, {
      route: "conditions-and-follow-up",
      rationale: "Veilig Thuis stelt veiligheidsvoorwaarden.",
      keepReason: "direct-intervention",
    })) as { caseId: string };
    const theCase = (await api.get(`/cases/${caseId}`)) as { reference: string };

    // The second report, typed in as a new user would.
    await page.goto(`${baseUrl}/meldingen/nieuw`);
    await heading(page, "Nieuwe melding of adviesvraag");
    await page.getByRole("radio", { name: "Melding" }).check();
    await page.selectOption("#channel", { label: "Telefoon" });
    await page.selectOption("#reporter-category", { label: "Burger (buurman, familie, kennis)" });
    await page.selectOption("#reporter-relationship", { label: "Buren" });
    await page.selectOption("#municipality", { label: "Zwolle" });
    await page
      .getByLabel("Wat is er aan de hand?")
      .fill("De buurvrouw hoorde weer geschreeuw; het kind huilde.");
    // The mother: only her BSN and a misspelled name; without a birth date the form asks "minor?".
    await page.locator("#person-p1-first-name").fill("Sameera");
    await page.locator("#person-p1-last-name").fill("Bouzidi");
    await page.locator("#person-p1-bsn").fill("628194821");
    await page.selectOption("#person-p1-role", { label: "Slachtoffer" });
    await page
      .getByRole("radiogroup", { name: "Is deze persoon minderjarig?" })
      .getByRole("radio", { name: "Nee" })
      .check();
    await page.locator("#person-p1-postcode").fill("8011 AB");
    await page.locator("#person-p1-house-number").fill("12");
    await page.locator("#person-p1-street").fill("Voorstraat");
    await page.locator("#person-p1-city").fill("Zwolle");
    await page.getByRole("button", { name: "Persoon toevoegen" }).click();
    await waitForFocus(page, "#person-p2-first-name");
    await page.keyboard.type("Yara");
    await page.locator("#person-p2-last-name").fill("Bouzid");
    await page.locator("#person-p2-birth-date").fill("2019-08-01");
    // With a birth date the question is not asked: the birth date decides.
    expect(await page.locator("#person-p2-minor").count()).toBe(0);
    await page.selectOption("#person-p2-role", { label: "Kind (getuige)" });
    // One address typed once for the household that shares it.
    await page.selectOption("#person-p2-same-address", {
      label: "Zelfde adres als Persoon 1 (Sameera Bouzidi)",
    });
    expect(await page.locator("#person-p2-postcode").count()).toBe(0);
    expect(await mainText(page)).toContain("Voorstraat 12, 8011 AB Zwolle");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    const answer = nextApiResponse(page, "POST", "/reports");
    await page.getByRole("button", { name: "Melding vastleggen" }).click();
    const response = await answer;
    expect(response.status()).toBe(201);
    const sentBody = JSON.parse(response.request().postData() ?? "{}") as {
      persons: { key: string; address?: { postcode?: string }; minor?: string }[];
    };
    expect(sentBody.persons.map((p) => [p.key, p.address?.postcode, p.minor])).toEqual([
      ["p1", "8011 AB", "no"],
      ["p2", "8011 AB", undefined],
    ]);
    const second = createdReportSchema.parse(await response.json());
    await page.waitForURL(`${baseUrl}/meldingen/${second.id}`);
    await heading(page, `Melding ${second.reference}`);

    // The BSN made her the known person at once; the summary agrees with the matches.
    const summary = page.getByRole("region", { name: "Samenvatting" });
    expect(await summary.textContent()).toContain("Melding tijdens lopende betrokkenheid");
    expect(await summary.textContent()).toContain("nog niet beoordeeld");
    // The known household: its open case with its child, and the choice that follows at triage.
    const household = page.getByRole("region", { name: "Bekend huishouden" });
    await expect.poll(() => household.textContent(), patience).toContain(theCase.reference);
    expect(await household.textContent()).toContain("Kinderen in deze zaak: Yara Bouzid");
    expect(await household.textContent()).toContain("Geen lopend huisverbod.");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // The child is offered as a known person too: the intake worker confirms her.
    const matches = page.getByRole("region", { name: "Eerder bekend?" });
    const childCandidate = matches
      .getByRole("listitem")
      .filter({ hasText: "Bekende persoon 1 voor Yara Bouzid" });
    const confirmed = nextApiResponse(page, "POST", /^\/reports\/[^/]+\/matches\/[^/]+\/confirm$/);
    await childCandidate.getByRole("button", { name: "Zelfde persoon" }).click();
    expect((await confirmed).status()).toBe(200);
    await expect.poll(() => summary.textContent(), patience).not.toContain("nog niet beoordeeld");

    // The assessment (its form is walked in the intake journey), then the triage with the choice.
    await api.post(`/reports/${second.id}/safety-assessment`, {
      acuteUnsafety: false,
      structuralUnsafety: true,
      immediateMeasures: ["Veiligheidsafspraak met moeder"],
    });
    await page.reload();
    await heading(page, `Melding ${second.reference}`);
    const triageForm = page.getByRole("region", { name: "Triage" });
    await triageForm.getByRole("radio", { name: "Voorwaarden en vervolg" }).check();
    await triageForm.getByRole("radio", { name: "Direct ingrijpen is nodig" }).check();
    const choice = triageForm.getByRole("radiogroup", {
      name: new RegExp(`Huishouden bekend in zaak ${theCase.reference}`),
    });
    // The same household: joining is the default.
    expect(await choice.getByRole("radio", { name: "Aansluiten bij deze zaak" }).isChecked()).toBe(true);
    await triageForm.getByLabel("Onderbouwing").fill("Dezelfde moeder en dochter: één gezin, één plan.");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    const triaged = nextApiResponse(page, "POST", `/reports/${second.id}/triage`);
    await triageForm.getByRole("button", { name: "Route vastleggen" }).click();
    const triageResponse = await triaged;
    expect(triageResponse.status()).toBe(200);
    expect(((await triageResponse.json()) as { caseId: string }).caseId).toBe(caseId);

    // One case, both reports on it.
    await page.getByRole("link", { name: "Naar de zaak" }).first().click();
    await page.waitForURL(`${baseUrl}/zaken/${caseId}`);
    await heading(page, `Zaak ${theCase.reference}`);
    const text = await mainText(page);
    expect(text).toContain(first.reference);
    expect(text).toContain(second.reference);
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    const cases = (await api.get("/cases?status=open&limit=200")) as { items: { id: string }[] };
    expect(cases.items.filter((c) => c.id === caseId)).toHaveLength(1);
    expect(cases.items).toHaveLength(1);
    expect(problems).toEqual([]);
  }, 180_000);

  it("lets the police liaison submit a report and see it, and only it, on the start page", async () => {
    const { baseUrl, page, problems } = running();
    await logInThroughForm(page, baseUrl, "police");
    const sent = page.getByRole("region", { name: "Door u verstuurde meldingen" });
    await expect.poll(() => sent.textContent(), patience).toContain("nog geen meldingen");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    await page
      .getByRole("navigation", { name: "Hoofdmenu" })
      .getByRole("link", { name: "Melding doen" })
      .click();
    await page.waitForURL(`${baseUrl}/politie/melden`);
    await heading(page, "Melding doen bij Veilig Thuis");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    await page.getByRole("button", { name: "Melding versturen" }).click();
    await waitForFocus(page, ".schakel-error-summary");
    expect(await page.locator(".schakel-error-summary").textContent()).toContain(
      "Vul het registratienummer in.",
    );

    await page.getByLabel("Registratienummer (BVH)").fill("PL0600-2026-4711");
    await page.getByRole("radio", { name: "Huisverbod opgelegd" }).check();
    await page.selectOption("#police-municipality", { label: "Deventer" });
    await page.getByLabel("Wat is er gebeurd?").fill("Melding huiselijk geweld, 's nachts; kind aanwezig.");
    await page.locator("#person-p1-first-name").fill("Lotte");
    await page.locator("#person-p1-last-name").fill("Bakker");
    await page.locator("#person-p1-birth-date").fill("1991-05-05");
    await page.selectOption("#person-p1-role", { label: "Slachtoffer" });
    const answer = nextApiResponse(page, "POST", "/police/reports");
    await page.getByRole("button", { name: "Melding versturen" }).click();
    const response = await answer;
    expect(response.status()).toBe(201);
    const { reference } = (await response.json()) as { reference: string };
    await expect.poll(() => mainText(page), patience).toContain(`met kenmerk ${reference}`);
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    await page.getByRole("link", { name: "Naar uw verstuurde meldingen" }).click();
    await page.waitForURL(`${baseUrl}/`);
    await expect.poll(() => sent.textContent(), patience).toContain(reference);
    expect(await sent.textContent()).toContain("PL0600-2026-4711");
    expect(await sent.textContent()).toContain("Ontvangen, wacht op beoordeling");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    expect(problems).toEqual([]);
  }, 180_000);
});
