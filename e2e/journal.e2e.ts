import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiSession,
  type HandedOverCase,
  handOverThroughApi,
  householdReport,
  logInThroughApi,
} from "./support/api.ts";
import { expectNoAxeViolations } from "./support/axe.ts";
import { type BrowserSession, openBrowser } from "./support/browser.ts";
import { expectHeading, nextApiResponse } from "./support/page.ts";
import { expectNoSidewaysScroll } from "./support/reflow.ts";
import { type RunningServer, startServer } from "./support/server.ts";

const networkText = "Gesprek met moeder: de afspraken lopen goed, de school ziet verbetering.";
const ownText = "Interne overweging van Veilig Thuis: nog geen zicht op de rol van vader.";
const pdf = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

async function openAllDisclosures(page: Page): Promise<void> {
  await page.evaluate(`document.querySelectorAll("details").forEach((details) => { details.open = true; })`);
}

/** Fills the journal's new-entry form and sends it; answers once the server has stored it. */
async function writeEntry(
  page: Page,
  caseId: string,
  entry: {
    kind: string;
    person: string;
    visibility: string;
    text: string;
    file?: { name: string; buffer: Buffer };
  },
): Promise<void> {
  // The form closes after each saved entry (and opens again empty): open it when it is closed.
  const disclosure = page
    .locator("details", { has: page.locator("summary", { hasText: "Notitie toevoegen" }) })
    .first();
  if ((await disclosure.getAttribute("open")) === null) {
    await disclosure.locator("summary").first().click();
  }
  const form = page.getByRole("form", { name: "Nieuwe journaalnotitie" });
  await form.getByLabel("Soort notitie").selectOption({ label: entry.kind });
  await form.getByLabel(entry.person).check();
  await form.getByLabel(entry.visibility).check();
  await form.getByRole("textbox", { name: /^Notitie/ }).fill(entry.text);
  if (entry.file !== undefined) {
    await form.getByLabel(/^Document/).setInputFiles({
      name: entry.file.name,
      mimeType: "application/pdf",
      buffer: entry.file.buffer,
    });
  }
  const path =
    entry.file === undefined ? `/cases/${caseId}/journal-entries` : `/cases/${caseId}/journal-documents`;
  const answer = nextApiResponse(page, "POST", path);
  await form.getByRole("button", { name: "Notitie toevoegen" }).click();
  expect((await answer).status()).toBe(201);
  await expect
    .poll(() => page.getByRole("status").allTextContents())
    .toContain("De notitie is toegevoegd aan het journaal.");
  await expect.poll(() => disclosure.getAttribute("open")).toBeNull();
}

describe("the case journal: shared with the network or kept in the organisation; searching persons", () => {
  let server: RunningServer | undefined;
  let centre: BrowserSession;
  let partner: BrowserSession;
  let intake: ApiSession;
  let shelterCase: HandedOverCase;

  function baseUrl(): string {
    if (server === undefined) {
      throw new Error("the server must be running");
    }
    return server.baseUrl;
  }

  beforeAll(async () => {
    server = await startServer();
    centre = await openBrowser();
    intake = await logInThroughApi(centre.context, baseUrl(), "intake");
    const organisations = (await intake.get("/organisations")) as { id: string; kind: string }[];
    const shelterId = organisations.find((organisation) => organisation.kind === "shelter")?.id;
    if (shelterId === undefined) {
      throw new Error("the demo region has no shelter");
    }
    // The centre hands the case to the shelter, which accepts: both are now involved.
    shelterCase = await handOverThroughApi(intake, householdReport("Visser", "Noor", "GM0193"), shelterId);
    partner = await openBrowser();
    const shelter = await logInThroughApi(partner.context, baseUrl(), "shelter");
    await shelter.post(`/handovers/${shelterCase.handoverId}/accept`);
  });

  afterAll(async () => {
    await centre?.close();
    await partner?.close();
    await server?.stop();
  });

  it("lets the centre write an entry for the network, one for itself and one with a PDF; the partner reads only what is shared", async () => {
    const { page, problems } = centre;
    const url = baseUrl();
    const { id: caseId, reference } = shelterCase;
    await page.goto(`${url}/zaken/${caseId}`);
    // The first page of a fresh server takes a while on a busy machine.
    await page.getByRole("heading", { level: 1, name: `Zaak ${reference}` }).waitFor();
    await expectHeading(page, `Zaak ${reference}`);
    const journal = page.getByRole("region", { name: "Journaal" });
    await expect.poll(() => journal.textContent()).toContain("nog geen notities");

    await journal.locator("summary", { hasText: "Notitie toevoegen" }).click();
    // Sending an empty form lists what is missing, and nothing is stored.
    await journal
      .getByRole("form", { name: "Nieuwe journaalnotitie" })
      .getByRole("button", { name: "Notitie toevoegen" })
      .click();
    await expect.poll(() => page.getByText("Kies de soort notitie.").count()).toBeGreaterThan(0);

    await writeEntry(page, caseId, {
      kind: "Gesprek",
      person: "Sanne Visser",
      visibility: "Het hele netwerk",
      text: networkText,
    });
    await writeEntry(page, caseId, {
      kind: "Contact",
      person: "Ruud Visser",
      visibility: "Alleen eigen organisatie",
      text: ownText,
    });
    await writeEntry(page, caseId, {
      kind: "Document",
      person: "Noor Visser",
      visibility: "Het hele netwerk",
      text: "Verslag van de school over Noor.",
      file: { name: "Verslag school.pdf", buffer: pdf },
    });
    const entries = journal.getByRole("list", { name: "Journaalnotities, nieuwste eerst" });
    await expect.poll(() => entries.getByRole("listitem").count()).toBe(3);
    expect(await entries.textContent()).toContain(networkText);
    expect(await entries.textContent()).toContain(ownText);
    expect(await entries.getByRole("link", { name: /Verslag school\.pdf/ }).count()).toBe(1);

    // The filter by kind keeps the conversation only.
    await journal.getByLabel("Soort", { exact: true }).selectOption({ label: "Gesprek" });
    await expect.poll(() => entries.getByRole("listitem").count()).toBe(1);
    await journal.getByLabel("Soort", { exact: true }).selectOption({ label: "Alle soorten" });
    await expect.poll(() => entries.getByRole("listitem").count()).toBe(3);

    await openAllDisclosures(page);
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    expect(problems).toEqual([]);

    // The shelter, a partner in the case: the network's entries and the document, not the centre's own.
    const partnerPage = partner.page;
    await partnerPage.goto(`${url}/zaken/${caseId}`);
    await partnerPage.getByRole("heading", { level: 1, name: `Zaak ${reference}` }).waitFor();
    await expectHeading(partnerPage, `Zaak ${reference}`);
    const partnerJournal = partnerPage.getByRole("region", { name: "Journaal" });
    const partnerEntries = partnerJournal.getByRole("list", { name: "Journaalnotities, nieuwste eerst" });
    await expect.poll(() => partnerEntries.getByRole("listitem").count()).toBe(2);
    const seen = (await partnerJournal.textContent()) ?? "";
    expect(seen).toContain(networkText);
    expect(seen).not.toContain(ownText);
    const link = partnerEntries.getByRole("link", { name: /Verslag school\.pdf/ });
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^\/api\/v1\/journal-entries\/[0-9a-f-]{36}\/document$/);
    const download = await partner.context.request.get(`${url}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toBe("application/pdf");
    expect(download.headers()["content-disposition"]).toContain("attachment");
    expect(Buffer.from(await download.body()).equals(pdf)).toBe(true);
    await expectNoAxeViolations(partnerPage);
    await expectNoSidewaysScroll(partnerPage);
    expect(partner.problems).toEqual([]);
  });

  it("lets the intake worker find a person by a misspelled name and reach the household's case", async () => {
    const { page, problems } = centre;
    const url = baseUrl();
    await page.goto(`${url}/`);
    await page
      .getByRole("navigation", { name: "Hoofdmenu" })
      .getByRole("link", { name: "Personen zoeken" })
      .click();
    await page.waitForURL(`${url}/personen`);
    await expectHeading(page, "Personen zoeken");
    await page.getByLabel("Naam", { exact: true }).fill("Sane visser");
    const answer = nextApiResponse(page, "POST", "/persons/search");
    await page.getByRole("button", { name: "Zoeken" }).click();
    expect((await answer).status()).toBe(200);
    // The name went in the body, never in the address.
    expect(page.url()).toBe(`${url}/personen`);
    const results = page.getByRole("list", { name: "Gevonden personen" });
    await expect.poll(() => results.textContent()).toContain("Sanne Visser");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    await results.getByRole("link", { name: `Zaak ${shelterCase.reference}` }).click();
    await page.waitForURL(`${url}/zaken/${shelterCase.id}`);
    await expectHeading(page, `Zaak ${shelterCase.reference}`);
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    expect(problems).toEqual([]);
  });
});
