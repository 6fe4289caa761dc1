import type { APIRequestContext, BrowserContext } from "playwright-core";
import { expect } from "vitest";
import { type SessionResponse, sessionResponseSchema } from "../../src/shared/auth.ts";
import { demoPassword } from "./page.ts";
import { freshTotpCodeFor } from "./totp.ts";

/**
 * The API as a logged-in user, through a browser context's request client: it shares the
 * context's cookies, so logging in here also logs in the context's pages.
 */
export interface ApiSession {
  session: SessionResponse;
  get: (path: string) => Promise<unknown>;
  post: (path: string, body?: unknown) => Promise<unknown>;
}

type ApiResponse = Awaited<ReturnType<APIRequestContext["get"]>>;

async function answerOf(response: ApiResponse): Promise<unknown> {
  const text = await response.text();
  if (!response.ok()) {
    throw new Error(`${response.url()} answered ${response.status()}: ${text}`);
  }
  return text === "" ? undefined : (JSON.parse(text) as unknown);
}

function clientOf(request: APIRequestContext, baseUrl: string, session: SessionResponse): ApiSession {
  const headers = { "X-CSRF-Token": session.csrfToken };
  return {
    session,
    get: async (path) => answerOf(await request.get(`${baseUrl}/api/v1${path}`)),
    post: async (path, body) =>
      answerOf(
        await request.post(
          `${baseUrl}/api/v1${path}`,
          body === undefined ? { headers } : { headers, data: body },
        ),
      ),
  };
}

/** Logs in with password and a fresh TOTP code through the API, for setup that keeps a journey focused. */
export async function logInThroughApi(
  context: BrowserContext,
  baseUrl: string,
  username: string,
): Promise<ApiSession> {
  const request = context.request;
  const response = await request.post(`${baseUrl}/api/v1/auth/login`, {
    data: { username, password: demoPassword, totp: await freshTotpCodeFor(username) },
  });
  expect(response.status(), `logging in ${username} through the API`).toBe(200);
  return clientOf(request, baseUrl, sessionResponseSchema.parse(await response.json()));
}

/** The API session of a context whose pages are already logged in (the CSRF token comes from /auth/me). */
export async function apiOfLoggedInContext(context: BrowserContext, baseUrl: string): Promise<ApiSession> {
  const request = context.request;
  const me = await request.get(`${baseUrl}/api/v1/auth/me`);
  expect(me.status()).toBe(200);
  return clientOf(request, baseUrl, sessionResponseSchema.parse(await me.json()));
}

/** A household reported by a school, with one child, in a municipality of the demo region. */
export function householdReport(family: string, child: string, municipalityCode: string) {
  return {
    kind: "report",
    receivedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
    channel: "phone",
    reporter: {
      category: "professional",
      sector: "education",
      name: "Marit Hoekstra",
      organisation: "Basisschool De Regenboog",
    },
    municipalityCode,
    persons: [
      { key: "p1", firstName: "Sanne", lastName: family, birthDate: "1989-02-11", role: "victim" },
      {
        key: "p2",
        firstName: "Ruud",
        lastName: family,
        birthDate: "1986-08-23",
        role: "alleged-perpetrator",
      },
      { key: "p3", firstName: child, lastName: family, birthDate: "2017-05-04", role: "child-witness" },
    ],
    relations: [
      { from: "p1", to: "p2", type: "partner" },
      { from: "p1", to: "p3", type: "parent" },
      { from: "p2", to: "p3", type: "parent" },
    ],
    violenceTypes: ["partner-violence"],
    narrative: "Het kind vertelde op school dat vader moeder heeft geslagen.",
    acuteConcern: false,
  };
}

/** A case handed over by the centre: its id, reference, the pending handover and the child's person id. */
export interface HandedOverCase {
  id: string;
  reference: string;
  handoverId: string;
  childId: string;
  childName: string;
}

/** Records, assesses and triages a report as a handover to an organisation, as the intake worker. */
export async function handOverThroughApi(
  intake: ApiSession,
  report: ReturnType<typeof householdReport>,
  toOrganisationId: string,
): Promise<HandedOverCase> {
  const created = (await intake.post("/reports", report)) as { id: string };
  await intake.post(`/reports/${created.id}/safety-assessment`, {
    acuteUnsafety: false,
    structuralUnsafety: true,
    immediateMeasures: ["Veiligheidsafspraak met moeder"],
  });
  const triaged = (await intake.post(`/reports/${created.id}/triage`, {
    route: "handover",
    toOrganisationId,
    rationale: "Lokale hulp met een veiligheidsplan past bij dit gezin.",
  })) as { caseId: string; handoverId: string };
  const detail = (await intake.get(`/cases/${triaged.caseId}`)) as {
    reference: string;
    persons: { id: string; role: string; firstName?: string; lastName?: string }[];
  };
  const child = detail.persons.find((person) => person.role === "child-witness");
  if (child === undefined) {
    throw new Error("the case has no child");
  }
  return {
    id: triaged.caseId,
    reference: detail.reference,
    handoverId: triaged.handoverId,
    childId: child.id,
    childName: `${child.firstName ?? ""} ${child.lastName ?? ""}`.trim(),
  };
}
