import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiSession, householdReport, logInThroughApi } from "./support/api.ts";
import { expectNoAxeViolations } from "./support/axe.ts";
import { type BrowserSession, openBrowser } from "./support/browser.ts";
import { logInThroughForm, nextApiResponse } from "./support/page.ts";
import { expectNoSidewaysScroll } from "./support/reflow.ts";
import { type RunningServer, startServer } from "./support/server.ts";

const reporterName = "Marit Hoekstra";
const reporterOrganisation = "Basisschool De Regenboog";

/** expect.poll with room for a busy machine (two cores shared by several test runs). */
const eventually = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });

/** Waits (up to the locator timeout: the machine may be busy) for the page's h1 with this text. */
async function headingShown(page: Page, text: string): Promise<void> {
  await page.getByRole("heading", { level: 1, name: text, exact: true }).waitFor();
}

async function mainText(page: Page): Promise<string> {
  return (await page.getByRole("main").textContent()) ?? "";
}

interface KeptCase {
  id: string;
  reference: string;
  persons: { id: string; role: string }[];
}

/** A report the centre keeps (investigation): the intake worker directs the case. */
async function caseKeptByCentre(intake: ApiSession, family: string, child: string): Promise<KeptCase> {
  const created = (await intake.post("/reports", householdReport(family, child, "GM0193"))) as { id: string };
  await intake.post(`/reports/${created.id}/safety-assessment`, {
    acuteUnsafety: false,
    structuralUnsafety: true,
    immediateMeasures: ["Veiligheidsafspraak met moeder"],
  });
  const { caseId } = (await intake.post(`/reports/${created.id}/triage`, {
    route: "investigation",
    rationale: "De feiten zijn onduidelijk; Veilig Thuis onderzoekt.",
    keepReason: "insufficient-information",
  })) as { caseId: string };
  return (await intake.get(`/cases/${caseId}`)) as KeptCase;
}

/** Adds agreements to the plan through the API, as the intake worker (PUT with If-Match). */
async function addAgreements(
  context: BrowserContext,
  baseUrl: string,
  intake: ApiSession,
  caseId: string,
  agreements: { text: string; ownerOrganisationId: string }[],
): Promise<void> {
  const url = `${baseUrl}/api/v1/cases/${caseId}/safety-plan`;
  const current = await context.request.get(url);
  const plan = ((await current.json()) as { plan: Record<string, unknown> }).plan;
  const saved = await context.request.put(url, {
    headers: { "X-CSRF-Token": intake.session.csrfToken, "If-Match": current.headers().etag ?? "" },
    data: { plan: { ...plan, agreements } },
  });
  expect(saved.status()).toBe(200);
}

describe("chain partners inside the network: the shelter's stay and agreements, an invited partner", () => {
  let server: RunningServer | undefined;
  let setup: BrowserSession;
  let intake: ApiSession;
  let organisations: { id: string; name: string; kind: string }[];
  const orgId = (kind: string) => {
    const found = organisations.find((o) => o.kind === kind);
    if (found === undefined) {
      throw new Error(`no organisation of kind ${kind}`);
    }
    return found;
  };
  const browsers: BrowserSession[] = [];

  function baseUrl(): string {
    if (server === undefined) {
      throw new Error("the server must be running");
    }
    return server.baseUrl;
  }

  beforeAll(async () => {
    server = await startServer();
    setup = await openBrowser();
    browsers.push(setup);
    intake = await logInThroughApi(setup.context, baseUrl(), "intake");
    organisations = (await intake.get("/organisations")) as typeof organisations;
  });

  afterAll(async () => {
    for (const browser of browsers) {
      await browser.close();
    }
    await server?.stop();
  });

  it("shows the shelter the stay it hosts and its agreement on the start page, and marks it done there", async () => {
    const url = baseUrl();
    const kept = await caseKeptByCentre(intake, "Bos", "Fenna");
    const mother = kept.persons.find((p) => p.role === "victim")?.id ?? "";
    const child = kept.persons.find((p) => p.role === "child-witness")?.id ?? "";
    await intake.post(`/cases/${kept.id}/shelter-stays`, {
      personIds: [mother, child],
      kind: "crisis",
      startsOn: new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date()),
      shelterOrganisationId: orgId("shelter").id,
    });
    await addAgreements(setup.context, url, intake, kept.id, [
      { text: "Intakegesprek met moeder in de opvang", ownerOrganisationId: orgId("shelter").id },
      { text: "Gesprek met vader", ownerOrganisationId: orgId("centre").id },
    ]);

    const browser = await openBrowser();
    browsers.push(browser);
    const { page, problems } = browser;
    await logInThroughForm(page, url, "shelter");

    const stays = page.getByRole("region", { name: "Opvang in uw organisatie" });
    await eventually(() => stays.textContent()).toContain(kept.reference);
    expect(await stays.textContent()).toContain("crisisopvang sinds");
    expect(await stays.textContent()).toContain("2 personen");
    const agreements = page.getByRole("region", { name: "Open afspraken van uw organisatie" });
    await eventually(() => agreements.textContent()).toContain("Intakegesprek met moeder in de opvang");
    expect(await agreements.textContent()).not.toContain("Gesprek met vader");
    const notifications = page.getByRole("region", { name: "Berichten" });
    await eventually(() => notifications.textContent()).toContain("uw organisatie is netwerkpartner");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // One click: a new version of the plan, made by the server.
    const answer = nextApiResponse(page, "POST", /\/safety-plan\/agreements\/[^/]+\/done$/);
    await agreements.getByRole("button", { name: "Gedaan" }).click();
    expect((await answer).status()).toBe(200);
    await eventually(() => agreements.textContent()).not.toContain("Intakegesprek met moeder in de opvang");

    // The case as the shelter sees it: the stay, the plan with the agreement done, no reporter.
    await stays.getByRole("link", { name: kept.reference }).click();
    await page.waitForURL(`${url}/zaken/${kept.id}`);
    await headingShown(page, `Zaak ${kept.reference}`);
    const ground = (await page.locator(".schakel-access-ground").textContent()) ?? "";
    expect(ground).toContain("netwerkpartner is sinds");
    expect(ground).toContain("met als doel opvang");
    const measures = page.getByRole("region", { name: "Huisverbod en opvang" });
    expect(await measures.textContent()).toContain("Vrouwenopvang IJsselland");
    const text = await mainText(page);
    expect(text).not.toContain(reporterName);
    expect(text).not.toContain(reporterOrganisation);
    expect(await page.getByRole("link", { name: "Veiligheidsplan bewerken" }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    expect(problems).toEqual([]);
  });

  it("lets the director invite the police, which accepts, sees the plan and its agreement but never the reporter, and after leaving gets 404", async () => {
    const url = baseUrl();
    const kept = await caseKeptByCentre(intake, "Kramer", "Daan");
    const police = orgId("police");
    await addAgreements(setup.context, url, intake, kept.id, [
      { text: "Politie bespreekt een huisverbod met de burgemeester", ownerOrganisationId: police.id },
    ]);

    // The director invites the police from the network section of the case.
    const { page } = setup;
    await page.goto(`${url}/zaken/${kept.id}`);
    await headingShown(page, `Zaak ${kept.reference}`);
    const network = page.getByRole("region", { name: "Netwerk", exact: true });
    await network.locator("#partner-organisation").selectOption({ label: police.name });
    await network.locator("#partner-purpose").selectOption({ label: "Veiligheid en handhaving" });
    await network.locator("#partner-text").fill("Huisverbod overwegen");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    let answer = nextApiResponse(page, "POST", `/cases/${kept.id}/network-partners`);
    await network.getByRole("button", { name: "Uitnodigen" }).click();
    expect((await answer).status()).toBe(201);
    await eventually(() => network.textContent()).toContain("Uitgenodigd op");

    // The police sees the invitation, and nothing of the case before it accepts.
    const browser = await openBrowser();
    browsers.push(browser);
    const partner = browser.page;
    await logInThroughForm(partner, url, "police");
    const invitations = partner.getByRole("region", { name: "Uitnodigingen voor een netwerk" });
    await eventually(() => invitations.textContent()).toContain(kept.reference);
    expect(await invitations.textContent()).toContain("Veiligheid en handhaving — Huisverbod overwegen");
    await expectNoAxeViolations(partner);
    await expectNoSidewaysScroll(partner);
    const before = await browser.context.request.get(`${url}/api/v1/cases/${kept.id}`);
    expect(before.status()).toBe(404);

    answer = nextApiResponse(partner, "POST", /\/network-partnerships\/[^/]+\/accept$/);
    await invitations.getByRole("button", { name: "Accepteren" }).click();
    expect((await answer).status()).toBe(200);
    await invitations.getByRole("link", { name: `Naar zaak ${kept.reference}` }).click();
    await partner.waitForURL(`${url}/zaken/${kept.id}`);
    await headingShown(partner, `Zaak ${kept.reference}`);
    const plan = partner.getByRole("region", { name: "Veiligheidsplan" });
    await expect
      .poll(() => mainText(partner))
      .toContain("Politie bespreekt een huisverbod met de burgemeester");
    expect(await plan.count()).toBe(1);
    const text = await mainText(partner);
    expect(text).not.toContain(reporterName);
    expect(text).not.toContain(reporterOrganisation);
    expect(text).toContain("met als doel veiligheid en handhaving");
    await expectNoAxeViolations(partner);
    await expectNoSidewaysScroll(partner);

    // Leaving the network: the police's part is done.
    const partnerNetwork = partner.getByRole("region", { name: "Netwerk", exact: true });
    await partnerNetwork.getByRole("button", { name: "Netwerk verlaten" }).click();
    await partnerNetwork
      .getByLabel(/Waarom eindigt de rol van/)
      .fill("Het huisverbod is niet nodig gebleken.");
    answer = nextApiResponse(partner, "POST", /\/network-partnerships\/[^/]+\/end$/);
    await partnerNetwork.getByRole("button", { name: "Beëindigen" }).click();
    expect((await answer).status()).toBe(200);
    await partner.reload();
    await headingShown(partner, "Pagina niet gevonden");
    const after = await browser.context.request.get(`${url}/api/v1/cases/${kept.id}`);
    expect(after.status()).toBe(404);
    const planAfter = await browser.context.request.get(`${url}/api/v1/cases/${kept.id}/safety-plan`);
    expect(planAfter.status()).toBe(404);

    // The director sees the ended partnership with its reason, and was told.
    await page.reload();
    await headingShown(page, `Zaak ${kept.reference}`);
    await eventually(() => network.textContent()).toContain("Het huisverbod is niet nodig gebleken.");
  });
});
