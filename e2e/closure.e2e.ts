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
import { expectHeading, nextApiResponse, waitForFocus } from "./support/page.ts";
import { expectNoSidewaysScroll } from "./support/reflow.ts";
import { type RunningServer, startServer } from "./support/server.ts";

function todayInAmsterdam(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
}

async function openDisclosure(page: Page, summary: string): Promise<void> {
  await page.locator("summary", { hasText: summary }).first().click();
}

describe("safe closure: a case cannot close while measures run and a child has no help", () => {
  let server: RunningServer | undefined;
  const browsers: BrowserSession[] = [];
  let intake: ApiSession;
  let theCase: HandedOverCase;
  let fatherName: string;

  beforeAll(async () => {
    server = await startServer();
    const setup = await openBrowser();
    browsers.push(setup);
    intake = await logInThroughApi(setup.context, server.baseUrl, "intake");
    const organisations = (await intake.get("/organisations")) as { id: string; name: string }[];
    const zwolleId = organisations.find((o) => o.name === "Lokaal team Zwolle")?.id as string;
    theCase = await handOverThroughApi(intake, householdReport("Jansen", "Lieke", "GM0193"), zwolleId);
    // The local team accepts and directs; the police record a restraining order, the mother and
    // child go to the crisis shelter (set up through the API; the journey is the closure).
    const zwolleBrowser = await openBrowser();
    browsers.push(zwolleBrowser);
    const zwolle = await logInThroughApi(zwolleBrowser.context, server.baseUrl, "lt.zwolle");
    await zwolle.post(`/handovers/${theCase.handoverId}/accept`);
    await zwolle.post(`/cases/${theCase.id}/director`, { userId: zwolle.session.user.id });
    const detail = (await zwolle.get(`/cases/${theCase.id}`)) as {
      persons: { id: string; role: string; firstName?: string; lastName?: string }[];
    };
    const father = detail.persons.find((p) => p.role === "alleged-perpetrator");
    const mother = detail.persons.find((p) => p.role === "victim");
    fatherName = `${father?.firstName} ${father?.lastName}`;
    const today = todayInAmsterdam();
    await zwolle.post(`/cases/${theCase.id}/restraining-orders`, { startsOn: today, personId: father?.id });
    await zwolle.post(`/cases/${theCase.id}/shelter-stays`, {
      personIds: [mother?.id, theCase.childId],
      kind: "crisis",
      startsOn: today,
    });
    await zwolleBrowser.close();
    browsers.pop();
  });

  afterAll(async () => {
    for (const browser of browsers) {
      await browser.close();
    }
    await server?.stop();
  });

  it("lists all three reasons, and closes after the order is lifted, the stay ended and help recorded", async () => {
    const browser = await openBrowser();
    browsers.push(browser);
    const { page, problems } = browser;
    const url = server?.baseUrl as string;
    // Logged in through the API (the login form has its own journey); the page shares the cookie.
    await logInThroughApi(browser.context, url, "lt.zwolle");
    await page.goto(`${url}/zaken/${theCase.id}`);
    await page.getByRole("heading", { level: 1, name: `Zaak ${theCase.reference}` }).waitFor();
    await expectHeading(page, `Zaak ${theCase.reference}`);

    // The restraining order counts down in calendar days.
    const deadlines = page.getByRole("region", { name: "Afspraken en termijnen" });
    await expect.poll(() => deadlines.textContent(), { timeout: 20_000 }).toContain("nog 10 dagen");
    expect(await deadlines.textContent()).not.toContain("werkdag");

    // Closing is refused with every reason listed.
    await openDisclosure(page, "Zaak afsluiten");
    await page.locator("#close-case-reason").fill("Het gaat goed met het gezin.");
    let answer = nextApiResponse(page, "POST", `/cases/${theCase.id}/close`);
    await page.locator("#close-case").getByRole("button", { name: "Zaak afsluiten" }).click();
    const refused = await answer;
    expect(refused.status()).toBe(409);
    const reasons = page.locator("#closure-reasons");
    await reasons.waitFor();
    const text = (await reasons.textContent()) ?? "";
    expect(text).toContain(`Het huisverbod voor ${fatherName} loopt nog.`);
    expect(text).toContain("Een verblijf in de opvang is nog niet beëindigd.");
    expect(text).toContain(`${theCase.childName} is minderjarig en heeft geen aangeboden hulp.`);
    expect(text).toContain("niemand kan hieraan voorbijgaan");
    expect(await reasons.locator("li").count()).toBe(3);
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // The order is lifted, the stay ended, help for the child recorded — all on the case page.
    await openDisclosure(page, "Huisverbod ingetrokken vastleggen");
    await page.locator("[id^='lift-'] textarea").fill("Ingetrokken door de burgemeester.");
    answer = nextApiResponse(page, "POST", /^\/restraining-orders\/[^/]+\/lift$/);
    await page.getByRole("button", { name: "Intrekking vastleggen" }).click();
    expect((await answer).status()).toBe(200);
    await waitForFocus(page, ".schakel-notice");

    await openDisclosure(page, "beëindigen");
    answer = nextApiResponse(page, "POST", /^\/shelter-stays\/[^/]+\/end$/);
    await page.getByRole("button", { name: "Opvang beëindigen" }).click();
    expect((await answer).status()).toBe(200);
    await waitForFocus(page, ".schakel-notice");

    await openDisclosure(page, `Hulp vastleggen voor ${theCase.childName}`);
    const help = page.getByRole("form", { name: `Hulp vastleggen voor ${theCase.childName}` });
    await help.getByLabel("Soort hulp").selectOption({ label: "Jeugdhulp" });
    await help.getByLabel("Welke hulp?").fill("Traumatherapie bij het jeugdteam.");
    await help.getByLabel("Wie geeft de hulp?").selectOption({ label: "Lokaal team Zwolle" });
    answer = nextApiResponse(page, "POST", `/cases/${theCase.id}/persons/${theCase.childId}/help`);
    await help.getByRole("button", { name: `Hulp vastleggen voor ${theCase.childName}` }).click();
    expect((await answer).status()).toBe(201);
    const card = page.locator(`#person-${theCase.childId}`);
    await expect
      .poll(() => card.textContent(), { timeout: 20_000 })
      .toContain("Traumatherapie bij het jeugdteam.");
    expect(await card.textContent()).toContain("Aangeboden");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // Now it closes, with follow-ups (the closure form is still open, its reason kept).
    expect(await page.locator("#close-case-reason").inputValue()).toBe("Het gaat goed met het gezin.");
    await page.locator("#close-case-reason").fill("Het gaat goed met het gezin.");
    answer = nextApiResponse(page, "POST", `/cases/${theCase.id}/close`);
    await page.locator("#close-case").getByRole("button", { name: "Zaak afsluiten" }).click();
    expect((await answer).status()).toBe(200);
    await page.locator("#follow-ups").waitFor();
    expect(await page.getByRole("main").textContent()).toContain("De zaak is gesloten.");
    expect(await page.getByRole("main").textContent()).toContain("kan worden vastgelegd vanaf");
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    expect(problems).toEqual([]);
  }, 240_000);
});
