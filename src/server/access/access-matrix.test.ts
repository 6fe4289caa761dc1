import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { persons } from "../db/schema.ts";
import { createTestApp, type TestApp, type TestSession } from "../test-support/app.ts";
import { assessment, createReportAs, handOver, sampleReport } from "../test-support/reports.ts";

/**
 * The access matrix: every API route, every demo role (and no session), the expected status.
 * A route that is registered but missing here fails the completeness test below, so no route
 * can ship without its row.
 */
const users = [
  "intake",
  "centre.worker",
  "lt.zwolle",
  "lt.deventer",
  "shelter",
  "police",
  "mda",
  "policy.zwolle",
  "policy.region",
  "privacy",
  "admin",
] as const;
type Caller = (typeof users)[number] | "anonymous";

interface Row {
  method: "GET" | "POST" | "PUT";
  /** The route pattern as registered. */
  route: string;
  /** The concrete URL to call; defaults to the route. */
  url?: (ids: Ids) => string;
  body?: unknown;
  /** Expected status for every caller, with exceptions. */
  expect: { all: number } & Partial<Record<Caller, number>>;
}

interface Ids {
  knownPersonId: string;
  unknownPersonId: string;
  /** Triaged by the centre as a handover to the local team of Zwolle. */
  handedOverReportId: string;
  caseId: string;
  /** Awaiting its safety assessment. */
  openReportId: string;
  /** Another report awaiting its assessment (so triage answers 409). */
  unassessedReportId: string;
  unknownId: string;
  /** A pending handover of another case to the local team of Deventer. */
  deventerHandoverId: string;
  /** A journal entry of the case, shared with the network, without a document. */
  journalEntryId: string;
}

const onlyPrivacy = (ok: number) => ({ all: 403, anonymous: 401, privacy: ok });
const everyone = (ok: number) => ({ all: ok });
const anyRole = (ok: number) => ({ all: ok, anonymous: 401 });
/** Roles that never do this: policy, privacy and admin answer 403, without a session 401. */
const noOfficers = { "policy.zwolle": 403, "policy.region": 403, privacy: 403, admin: 403, anonymous: 401 };
/** Chain work: every worker of the chain may ask; officers and administrators may not. */
const chainWorkers = (ok: number) => ({ all: ok, ...noOfficers });
/** A subject only the centre and (through the handover) Zwolle may see; the rest of the chain 404. */
const centreAndZwolle = (ok: number) => ({
  all: 404,
  intake: ok,
  "centre.worker": ok,
  "lt.zwolle": ok,
  ...noOfficers,
});
/**
 * Work on a report: only the centre. Chain partners never work on reports (403); other case
 * workers cannot see the report (404).
 */
const centreWork = (ok: number) => ({
  all: 404,
  intake: ok,
  "centre.worker": ok,
  shelter: 403,
  police: 403,
  ...noOfficers,
});
/** Work for the centre's and case workers' roles only; chain partners 403, the rest 404. */
const caseWorkers = (ok: number) => ({ all: ok, shelter: 403, police: 403, ...noOfficers });
/** A report the caller could read but not change: Zwolle gets 403 instead of 404. */
const centreWorkZwolleReads = (ok: number) => ({ ...centreWork(ok), "lt.zwolle": 403 });

// Logout ends the session it is called with, so it comes last.
const rows: Row[] = [
  { method: "GET", route: "/api/v1/health", expect: everyone(200) },
  { method: "GET", route: "/api/v1/openapi.json", expect: everyone(200) },
  { method: "GET", route: "/api/v1/municipalities", expect: everyone(200) },
  { method: "GET", route: "/api/v1/organisations", expect: everyone(200) },
  { method: "GET", route: "/api/v1/violence-types", expect: everyone(200) },
  // Public, so validation (not authentication) answers an empty body.
  { method: "POST", route: "/api/v1/auth/login", body: {}, expect: everyone(400) },
  { method: "GET", route: "/api/v1/auth/me", expect: anyRole(200) },
  { method: "GET", route: "/api/v1/audit", expect: onlyPrivacy(200) },
  { method: "GET", route: "/api/v1/audit/verify", expect: onlyPrivacy(200) },
  {
    method: "GET",
    route: "/api/v1/persons/:id/access-report",
    url: (ids) => `/api/v1/persons/${ids.knownPersonId}/access-report`,
    expect: onlyPrivacy(200),
  },
  {
    method: "GET",
    route: "/api/v1/persons/:id/access-report",
    url: (ids) => `/api/v1/persons/${ids.unknownPersonId}/access-report`,
    expect: onlyPrivacy(404),
  },
  {
    method: "POST",
    route: "/api/v1/reports",
    body: sampleReport(),
    expect: { all: 403, intake: 201, anonymous: 401 },
  },
  { method: "GET", route: "/api/v1/reports", expect: chainWorkers(200) },
  {
    method: "GET",
    route: "/api/v1/reports/:id",
    url: (ids) => `/api/v1/reports/${ids.handedOverReportId}`,
    expect: centreAndZwolle(200),
  },
  {
    method: "GET",
    route: "/api/v1/reports/:id",
    url: (ids) => `/api/v1/reports/${ids.unknownId}`,
    expect: chainWorkers(404),
  },
  {
    method: "POST",
    route: "/api/v1/reports/:id/safety-assessment",
    url: (ids) => `/api/v1/reports/${ids.openReportId}/safety-assessment`,
    body: assessment,
    expect: centreWork(200),
  },
  {
    method: "POST",
    route: "/api/v1/reports/:id/triage",
    url: (ids) => `/api/v1/reports/${ids.unassessedReportId}/triage`,
    body: { route: "investigation", rationale: "Facts unclear.", keepReason: "insufficient-information" },
    expect: centreWork(409),
  },
  {
    method: "POST",
    route: "/api/v1/reports/:id/triage",
    url: (ids) => `/api/v1/reports/${ids.handedOverReportId}/triage`,
    body: { route: "investigation", rationale: "Facts unclear.", keepReason: "insufficient-information" },
    expect: centreWorkZwolleReads(409),
  },
  {
    method: "POST",
    route: "/api/v1/reports/:id/link",
    url: (ids) => `/api/v1/reports/${ids.openReportId}/link`,
    body: { caseId: randomUUID() },
    expect: centreWork(400),
  },
  {
    method: "POST",
    route: "/api/v1/reports/:id/matches/:matchId/confirm",
    url: (ids) => `/api/v1/reports/${ids.openReportId}/matches/${ids.unknownId}/confirm`,
    expect: centreWork(404),
  },
  {
    method: "POST",
    route: "/api/v1/reports/:id/matches/:matchId/dismiss",
    url: (ids) => `/api/v1/reports/${ids.openReportId}/matches/${ids.unknownId}/dismiss`,
    expect: centreWork(404),
  },
  {
    method: "POST",
    route: "/api/v1/reports/:id/kind",
    url: (ids) => `/api/v1/reports/${ids.handedOverReportId}/kind`,
    body: { kind: "advice", reason: "Asked for advice only." },
    expect: centreWorkZwolleReads(409),
  },
  {
    method: "GET",
    route: "/api/v1/reports/:id/household",
    url: (ids) => `/api/v1/reports/${ids.handedOverReportId}/household`,
    expect: centreAndZwolle(200),
  },
  {
    method: "GET",
    route: "/api/v1/reports/:id/household",
    url: (ids) => `/api/v1/reports/${ids.unknownId}/household`,
    expect: chainWorkers(404),
  },
  {
    method: "GET",
    route: "/api/v1/cases/:id/links",
    url: (ids) => `/api/v1/cases/${ids.caseId}/links`,
    expect: centreAndZwolle(200),
  },
  {
    method: "GET",
    route: "/api/v1/cases/:id/report-prefill",
    url: (ids) => `/api/v1/cases/${ids.caseId}/report-prefill`,
    expect: { all: 403, intake: 200, anonymous: 401 },
  },
  {
    method: "GET",
    route: "/api/v1/cases/:id/report-prefill",
    url: (ids) => `/api/v1/cases/${ids.unknownId}/report-prefill`,
    expect: { all: 403, intake: 404, anonymous: 401 },
  },
  // Only the police liaison: the shelter is a chain partner too, but not the police (403).
  {
    method: "POST",
    route: "/api/v1/police/reports",
    body: {
      municipalityCode: "GM0193",
      incidentNumber: "PL0600-2026123",
      restrainingOrderAdvice: "advised",
      persons: [
        { key: "p1", firstName: "Lotte", lastName: "Bakker", birthDate: "1991-05-05", role: "victim" },
      ],
      narrative: "Called out to a fight at home.",
      acuteConcern: false,
    },
    expect: { all: 403, police: 201, anonymous: 401 },
  },
  { method: "GET", route: "/api/v1/police/reports", expect: { all: 403, police: 200, anonymous: 401 } },
  { method: "GET", route: "/api/v1/risk-checklist", expect: chainWorkers(200) },
  // Public: validation answers an empty body for everyone (the rate limit is raised for tests).
  { method: "POST", route: "/api/v1/public/reports", body: {}, expect: everyone(400) },
  { method: "GET", route: "/api/v1/cases", expect: chainWorkers(200) },
  {
    method: "GET",
    route: "/api/v1/cases/:id",
    url: (ids) => `/api/v1/cases/${ids.caseId}`,
    expect: centreAndZwolle(200),
  },
  {
    method: "GET",
    route: "/api/v1/cases/:id",
    url: (ids) => `/api/v1/cases/${ids.unknownId}`,
    expect: chainWorkers(404),
  },
  { method: "GET", route: "/api/v1/handovers", expect: chainWorkers(200) },
  // Case work. The case is handed to Zwolle and pending: Zwolle may read it, not change it (403).
  {
    method: "GET",
    route: "/api/v1/cases/:id/safety-plan",
    url: (ids) => `/api/v1/cases/${ids.caseId}/safety-plan`,
    expect: centreAndZwolle(200),
  },
  {
    method: "PUT",
    route: "/api/v1/cases/:id/safety-plan",
    url: (ids) => `/api/v1/cases/${ids.caseId}/safety-plan`,
    body: { plan: {} },
    expect: centreWorkZwolleReads(428),
  },
  {
    method: "GET",
    route: "/api/v1/cases/:id/safety-plan/versions",
    url: (ids) => `/api/v1/cases/${ids.caseId}/safety-plan/versions`,
    expect: centreAndZwolle(200),
  },
  {
    method: "GET",
    route: "/api/v1/cases/:id/safety-plan/versions/:version",
    url: (ids) => `/api/v1/cases/${ids.caseId}/safety-plan/versions/1`,
    expect: centreAndZwolle(200),
  },
  {
    method: "POST",
    route: "/api/v1/cases/:id/phase",
    url: (ids) => `/api/v1/cases/${ids.caseId}/phase`,
    body: { phase: "risk-driven-care", reason: "Safe enough." },
    expect: centreWorkZwolleReads(409),
  },
  {
    method: "POST",
    route: "/api/v1/cases/:id/direction",
    url: (ids) => `/api/v1/cases/${ids.caseId}/direction`,
    body: { direction: "regional", reason: "Complex." },
    expect: centreWorkZwolleReads(409),
  },
  {
    method: "POST",
    route: "/api/v1/cases/:id/director",
    url: (ids) => `/api/v1/cases/${ids.caseId}/director`,
    body: { userId: randomUUID() },
    expect: centreWorkZwolleReads(400),
  },
  {
    method: "POST",
    route: "/api/v1/cases/:id/persons/:personId/help-offered",
    url: (ids) => `/api/v1/cases/${ids.caseId}/persons/${ids.unknownId}/help-offered`,
    body: { date: "2026-05-01", description: "Play therapy" },
    expect: centreWorkZwolleReads(404),
  },
  {
    method: "GET",
    route: "/api/v1/cases/:id/help",
    url: (ids) => `/api/v1/cases/${ids.caseId}/help`,
    expect: centreAndZwolle(200),
  },
  {
    method: "POST",
    route: "/api/v1/cases/:id/persons/:personId/help",
    url: (ids) => `/api/v1/cases/${ids.caseId}/persons/${ids.unknownId}/help`,
    body: {
      kind: "youth-care",
      description: "Play therapy",
      providerName: "Jeugdhulp",
      offeredOn: "2026-05-01",
    },
    expect: centreWorkZwolleReads(404),
  },
  ...(["start", "end", "withdraw"] as const).map(
    (step): Row => ({
      method: "POST",
      route: `/api/v1/cases/:id/help/:helpId/${step}`,
      url: (ids) => `/api/v1/cases/${ids.caseId}/help/${ids.unknownId}/${step}`,
      body:
        step === "start"
          ? { startedOn: "2026-05-01" }
          : step === "end"
            ? { endedOn: "2026-05-01" }
            : { reason: "Error" },
      expect: centreWorkZwolleReads(404),
    }),
  ),
  {
    method: "POST",
    route: "/api/v1/cases/:id/persons/:personId/minor",
    url: (ids) => `/api/v1/cases/${ids.caseId}/persons/${ids.unknownId}/minor`,
    body: { minor: "yes", reason: "School confirmed." },
    expect: centreWorkZwolleReads(404),
  },
  {
    method: "POST",
    route: "/api/v1/cases/:id/safety-assessments",
    url: (ids) => `/api/v1/cases/${ids.caseId}/safety-assessments`,
    body: { acuteUnsafety: false, structuralUnsafety: true },
    expect: centreWorkZwolleReads(201),
  },
  {
    method: "GET",
    route: "/api/v1/cases/:id/history",
    url: (ids) => `/api/v1/cases/${ids.caseId}/history`,
    expect: centreAndZwolle(200),
  },
  {
    method: "POST",
    route: "/api/v1/cases/:id/handovers",
    url: (ids) => `/api/v1/cases/${ids.caseId}/handovers`,
    body: { toOrganisationId: randomUUID(), note: "Please take over." },
    expect: centreWorkZwolleReads(400),
  },
  {
    method: "POST",
    route: "/api/v1/handovers/:id/accept",
    url: (ids) => `/api/v1/handovers/${ids.unknownId}/accept`,
    expect: chainWorkers(404),
  },
  {
    method: "POST",
    route: "/api/v1/handovers/:id/decline",
    url: (ids) => `/api/v1/handovers/${ids.unknownId}/decline`,
    body: { reason: "No capacity." },
    expect: chainWorkers(404),
  },
  {
    // Only the receiver decides; the centre, which sees the case, gets 403.
    method: "POST",
    route: "/api/v1/handovers/:id/accept",
    url: (ids) => `/api/v1/handovers/${ids.deventerHandoverId}/accept`,
    expect: { ...centreWork(403), shelter: 404, police: 404, "lt.deventer": 200 },
  },
  {
    method: "POST",
    route: "/api/v1/cases/:id/close",
    url: (ids) => `/api/v1/cases/${ids.caseId}/close`,
    body: { reason: "Safe." },
    expect: centreWorkZwolleReads(409),
  },
  {
    method: "POST",
    route: "/api/v1/cases/:id/reopen",
    url: (ids) => `/api/v1/cases/${ids.caseId}/reopen`,
    body: { reason: "New facts." },
    expect: centreWorkZwolleReads(409),
  },
  {
    method: "GET",
    route: "/api/v1/cases/:id/follow-ups",
    url: (ids) => `/api/v1/cases/${ids.caseId}/follow-ups`,
    expect: centreAndZwolle(200),
  },
  {
    method: "POST",
    route: "/api/v1/follow-ups/:id",
    url: (ids) => `/api/v1/follow-ups/${ids.unknownId}`,
    body: { outcome: "safe" },
    expect: caseWorkers(404),
  },
  {
    // Chain partners may record measures, but only in cases they are involved in.
    method: "POST",
    route: "/api/v1/cases/:id/restraining-orders",
    url: (ids) => `/api/v1/cases/${ids.caseId}/restraining-orders`,
    body: { startsOn: "2026-05-01", personId: randomUUID() },
    expect: { ...centreWorkZwolleReads(400), shelter: 404, police: 404 },
  },
  {
    method: "POST",
    route: "/api/v1/restraining-orders/:id/lift",
    url: (ids) => `/api/v1/restraining-orders/${ids.unknownId}/lift`,
    body: { reason: "Lifted by the mayor." },
    expect: chainWorkers(404),
  },
  {
    method: "POST",
    route: "/api/v1/restraining-orders/:id/extend",
    url: (ids) => `/api/v1/restraining-orders/${ids.unknownId}/extend`,
    expect: chainWorkers(404),
  },
  {
    method: "POST",
    route: "/api/v1/cases/:id/shelter-stays",
    url: (ids) => `/api/v1/cases/${ids.caseId}/shelter-stays`,
    body: { personIds: [randomUUID()], kind: "crisis", startsOn: "2026-05-01" },
    expect: { ...centreWorkZwolleReads(400), shelter: 404, police: 404 },
  },
  {
    method: "POST",
    route: "/api/v1/shelter-stays/:id/end",
    url: (ids) => `/api/v1/shelter-stays/${ids.unknownId}/end`,
    expect: chainWorkers(404),
  },
  { method: "GET", route: "/api/v1/agreements", expect: chainWorkers(200) },
  { method: "GET", route: "/api/v1/follow-ups", expect: caseWorkers(200) },
  { method: "GET", route: "/api/v1/notifications", expect: chainWorkers(200) },
  {
    method: "POST",
    route: "/api/v1/notifications/:id/read",
    url: (ids) => `/api/v1/notifications/${ids.unknownId}/read`,
    expect: chainWorkers(404),
  },
  // The case journal: Zwolle, deciding on the handover, reads the journal but does not write in it.
  {
    method: "GET",
    route: "/api/v1/cases/:id/journal-entries",
    url: (ids) => `/api/v1/cases/${ids.caseId}/journal-entries`,
    expect: centreAndZwolle(200),
  },
  {
    method: "POST",
    route: "/api/v1/cases/:id/journal-entries",
    url: (ids) => `/api/v1/cases/${ids.caseId}/journal-entries`,
    body: {
      kind: "contact",
      occurredOn: "2026-05-01",
      text: "Telefonisch contact.",
      visibility: "network",
      personIds: [randomUUID()],
    },
    expect: { ...centreAndZwolle(400), "lt.zwolle": 403 },
  },
  {
    // JSON instead of multipart: 415 for those who may write here, before anything is read.
    method: "POST",
    route: "/api/v1/cases/:id/journal-documents",
    url: (ids) => `/api/v1/cases/${ids.caseId}/journal-documents`,
    body: { kind: "document" },
    expect: { ...centreAndZwolle(415), "lt.zwolle": 403 },
  },
  {
    method: "GET",
    route: "/api/v1/journal-entries/:id",
    url: (ids) => `/api/v1/journal-entries/${ids.journalEntryId}`,
    expect: centreAndZwolle(200),
  },
  {
    method: "GET",
    route: "/api/v1/journal-entries/:id",
    url: (ids) => `/api/v1/journal-entries/${ids.unknownId}`,
    expect: chainWorkers(404),
  },
  {
    // The entry has no document.
    method: "GET",
    route: "/api/v1/journal-entries/:id/document",
    url: (ids) => `/api/v1/journal-entries/${ids.journalEntryId}/document`,
    expect: chainWorkers(404),
  },
  { method: "POST", route: "/api/v1/persons/search", body: { name: "Fatima" }, expect: chainWorkers(200) },
  // The centre's own routes (src/server/centre-work/): case workers and the centre, never chain partners.
  { method: "GET", route: "/api/v1/centre-work", expect: caseWorkers(200) },
  {
    method: "GET",
    route: "/api/v1/cases/:id/centre-work",
    url: (ids) => `/api/v1/cases/${ids.caseId}/centre-work`,
    expect: { ...centreAndZwolle(200), shelter: 403, police: 403 },
  },
  {
    method: "POST",
    route: "/api/v1/trajectories/:id/start",
    url: (ids) => `/api/v1/trajectories/${ids.unknownId}/start`,
    body: { startedOn: "2026-05-01" },
    expect: caseWorkers(404),
  },
  {
    method: "POST",
    route: "/api/v1/trajectories/:id/outcome",
    url: (ids) => `/api/v1/trajectories/${ids.unknownId}/outcome`,
    body: { completedOn: "2026-05-01" },
    expect: caseWorkers(404),
  },
  {
    method: "POST",
    route: "/api/v1/centre-tasks/:id/done",
    url: (ids) => `/api/v1/centre-tasks/${ids.unknownId}/done`,
    body: { doneOn: "2026-05-01", notes: "Told the reporter." },
    expect: caseWorkers(404),
  },
  {
    method: "POST",
    route: "/api/v1/cases/:id/board-requests",
    url: (ids) => `/api/v1/cases/${ids.caseId}/board-requests`,
    body: { requestedOn: "2026-05-01", question: "Is a protection measure needed?" },
    expect: centreWorkZwolleReads(201),
  },
  {
    method: "POST",
    route: "/api/v1/board-requests/:id/answer",
    url: (ids) => `/api/v1/board-requests/${ids.unknownId}/answer`,
    body: { answeredOn: "2026-05-01", outcome: "declined", text: "No investigation." },
    expect: caseWorkers(404),
  },
  {
    // The reporter is the centre's to protect: a local team that reads the report learns nothing (404).
    method: "GET",
    route: "/api/v1/reports/:id/reporter-protection",
    url: (ids) => `/api/v1/reports/${ids.handedOverReportId}/reporter-protection`,
    expect: { ...centreWork(200) },
  },
  {
    method: "POST",
    route: "/api/v1/reports/:id/reporter-protection",
    url: (ids) => `/api/v1/reports/${ids.handedOverReportId}/reporter-protection`,
    body: { protected: false },
    expect: centreWorkZwolleReads(200),
  },
  // Network partners: the director or the centre invites; the invited organisation decides.
  {
    method: "POST",
    route: "/api/v1/cases/:id/network-partners",
    url: (ids) => `/api/v1/cases/${ids.caseId}/network-partners`,
    body: { organisationId: randomUUID(), purpose: "other" },
    expect: centreWorkZwolleReads(400),
  },
  {
    method: "GET",
    route: "/api/v1/cases/:id/network-partners",
    url: (ids) => `/api/v1/cases/${ids.caseId}/network-partners`,
    expect: centreAndZwolle(200),
  },
  { method: "GET", route: "/api/v1/network-partnerships", expect: chainWorkers(200) },
  {
    method: "POST",
    route: "/api/v1/network-partnerships/:id/accept",
    url: (ids) => `/api/v1/network-partnerships/${ids.unknownId}/accept`,
    expect: chainWorkers(404),
  },
  {
    method: "POST",
    route: "/api/v1/network-partnerships/:id/decline",
    url: (ids) => `/api/v1/network-partnerships/${ids.unknownId}/decline`,
    body: { reason: "No task for us." },
    expect: chainWorkers(404),
  },
  {
    method: "POST",
    route: "/api/v1/network-partnerships/:id/end",
    url: (ids) => `/api/v1/network-partnerships/${ids.unknownId}/end`,
    body: { reason: "Our part is done." },
    expect: chainWorkers(404),
  },
  {
    // The owner or the director marks an agreement done; a receiver still deciding may not.
    method: "POST",
    route: "/api/v1/cases/:id/safety-plan/agreements/:agreementId/done",
    url: (ids) => `/api/v1/cases/${ids.caseId}/safety-plan/agreements/no-such-agreement/done`,
    expect: { ...centreAndZwolle(404), "lt.zwolle": 403 },
  },
  { method: "GET", route: "/api/v1/shelter-stays", expect: chainWorkers(200) },
  { method: "POST", route: "/api/v1/auth/logout", expect: anyRole(204) },
];

let t: TestApp;
const sessions = new Map<Caller, TestSession>();
const ids: Ids = {
  knownPersonId: randomUUID(),
  unknownPersonId: randomUUID(),
  handedOverReportId: "",
  caseId: "",
  openReportId: "",
  unassessedReportId: "",
  unknownId: randomUUID(),
  deventerHandoverId: "",
  journalEntryId: "",
};

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_FORM_MAX_PER_HOUR: "1000" });
  await t.database.db.insert(persons).values({ id: ids.knownPersonId, createdAt: new Date() });
  for (const user of users) {
    sessions.set(user, await t.login(user));
  }
  const intake = sessions.get("intake") as TestSession;
  const zwolle = sessions.get("lt.zwolle") as TestSession;
  const handedOver = await createReportAs(intake, sampleReport());
  ids.handedOverReportId = handedOver.id;
  ids.caseId = (await handOver(intake, handedOver.id, zwolle.organisationId)).caseId;
  ids.openReportId = (await createReportAs(intake, sampleReport())).id;
  ids.unassessedReportId = (await createReportAs(intake, sampleReport())).id;
  const deventer = sessions.get("lt.deventer") as TestSession;
  const other = await createReportAs(
    intake,
    sampleReport({
      municipalityCode: "GM0150",
      persons: [{ key: "a", firstName: "Eva", lastName: "Kok", birthDate: "1979-02-02", role: "victim" }],
      relations: [],
    }),
  );
  ids.deventerHandoverId = (await handOver(intake, other.id, deventer.organisationId)).handoverId;
  const household = (await intake.get(`/api/v1/cases/${ids.caseId}`)).json() as { persons: { id: string }[] };
  const journalEntry = await intake.post(`/api/v1/cases/${ids.caseId}/journal-entries`, {
    kind: "conversation",
    occurredOn: "2026-05-01",
    text: "Gesprek met moeder.",
    visibility: "network",
    personIds: [household.persons[0]?.id],
  });
  ids.journalEntryId = (journalEntry.json() as { id: string }).id;
});
afterAll(() => t.close());

const placeholderIds: Ids = {
  knownPersonId: ":known",
  unknownPersonId: ":unknown",
  handedOverReportId: ":handed-over",
  caseId: ":case",
  openReportId: ":open",
  unassessedReportId: ":unassessed",
  unknownId: ":unknown",
  deventerHandoverId: ":deventer-handover",
  journalEntryId: ":journal-entry",
};

describe("the access matrix", () => {
  it("has a row for every registered API route", () => {
    const covered = new Set(rows.map((r) => `${r.method} ${r.route}`));
    const missing = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).filter((r) => !covered.has(r));
    expect(missing).toEqual([]);
  });

  for (const row of rows) {
    it(`${row.method} ${row.url ? row.url(placeholderIds) : row.route}`, async () => {
      const url = row.url ? row.url(ids) : row.route;
      const actual: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const caller of [...users, "anonymous"] as Caller[]) {
        const session = sessions.get(caller);
        const response = session
          ? await session.request(row.method, url, row.body)
          : await t.app.inject({ method: row.method, url, ...(row.body ? { payload: row.body } : {}) });
        actual[caller] = response.statusCode;
        expected[caller] = row.expect[caller] ?? row.expect.all;
      }
      expect(actual).toEqual(expected);
    });
  }
});
