import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestSession } from "../test-support/app.ts";
import { type ChangeCounts, type ChangeWatch, watchChanges } from "../test-support/change-watch.ts";
import { assessment, createReportAs, handOver, sampleReport } from "../test-support/reports.ts";
import { sampleFromSchema } from "../test-support/sample-from-schema.ts";

/**
 * Malformed input on every API route: each leaf of a valid body replaced by what an attacker or a
 * broken client sends (NUL bytes, year 9999, huge text, wrong types), bodies of random JSON, ids in
 * upper case or not ids at all. No route may answer 5xx, every refusal is problem+json, echoes
 * nothing the caller sent and leaves no change in the database (every business table is watched
 * by a row trigger, see change-watch.ts); a date of year 0000 or 9999 and a NUL character in any
 * field of a body are refused with exactly 400. Every registered route is fuzzed: the targets below give a route a valid body and the right fixture;
 * a route without one gets a body sampled from its schema and ids chosen by its path.
 */
interface Ids {
  caseId: string;
  reportId: string;
  personId: string;
  handoverId: string;
}

interface Target {
  method: "GET" | "POST" | "PUT";
  route: string;
  url?: (ids: Ids) => string;
  /** A valid body whose leaves are mutated; absent for routes without one. */
  body?: (ids: Ids) => unknown;
  /** Who calls it; the centre's intake worker unless the route is someone else's work. */
  as?: "intake" | "lt.zwolle" | "privacy" | "police";
  /** Routes whose input is not mutated (logging out ends the session the others use). */
  skip?: string;
}

const caseUrl = (path: string) => (ids: Ids) => `/api/v1/cases/${ids.caseId}${path}`;
const reportUrl = (path: string) => (ids: Ids) => `/api/v1/reports/${ids.reportId}${path}`;

const targets: Target[] = [
  { method: "GET", route: "/api/v1/health" },
  { method: "GET", route: "/api/v1/openapi.json" },
  { method: "GET", route: "/api/v1/municipalities" },
  { method: "GET", route: "/api/v1/organisations" },
  { method: "GET", route: "/api/v1/violence-types" },
  {
    method: "POST",
    route: "/api/v1/auth/login",
    body: () => ({ username: "nobody", password: "wrong-password", totp: "123456" }),
  },
  { method: "GET", route: "/api/v1/auth/me" },
  { method: "POST", route: "/api/v1/auth/logout", skip: "ends the session the other targets use" },
  { method: "GET", route: "/api/v1/audit", as: "privacy" },
  { method: "GET", route: "/api/v1/audit/verify", as: "privacy" },
  {
    method: "GET",
    route: "/api/v1/persons/:id/access-report",
    url: (ids) => `/api/v1/persons/${ids.personId}/access-report`,
    as: "privacy",
  },
  { method: "POST", route: "/api/v1/reports", body: () => sampleReport() },
  { method: "GET", route: "/api/v1/reports" },
  { method: "GET", route: "/api/v1/reports/:id", url: reportUrl("") },
  {
    method: "POST",
    route: "/api/v1/reports/:id/safety-assessment",
    url: reportUrl("/safety-assessment"),
    body: () => assessment,
  },
  {
    method: "POST",
    route: "/api/v1/reports/:id/triage",
    url: reportUrl("/triage"),
    body: () => ({
      route: "investigation",
      rationale: "Facts unclear.",
      keepReason: "insufficient-information",
    }),
  },
  {
    method: "POST",
    route: "/api/v1/reports/:id/link",
    url: reportUrl("/link"),
    body: (ids) => ({ caseId: ids.caseId }),
  },
  {
    method: "POST",
    route: "/api/v1/reports/:id/matches/:matchId/confirm",
    url: (ids) => `/api/v1/reports/${ids.reportId}/matches/${randomUUID()}/confirm`,
  },
  {
    method: "POST",
    route: "/api/v1/reports/:id/matches/:matchId/dismiss",
    url: (ids) => `/api/v1/reports/${ids.reportId}/matches/${randomUUID()}/dismiss`,
  },
  {
    method: "POST",
    route: "/api/v1/reports/:id/kind",
    url: reportUrl("/kind"),
    body: () => ({ kind: "advice", reason: "Asked for advice only." }),
  },
  { method: "GET", route: "/api/v1/risk-checklist" },
  {
    method: "POST",
    route: "/api/v1/public/reports",
    body: () => {
      const { channel: _channel, receivedAt: _receivedAt, ...rest } = sampleReport();
      return rest;
    },
  },
  {
    method: "POST",
    route: "/api/v1/police/reports",
    as: "police",
    body: () => {
      const { persons, relations, violenceTypes, narrative, municipalityCode } = sampleReport();
      return {
        municipalityCode,
        incidentNumber: "PL0600-2026-123",
        restrainingOrderAdvice: "advised",
        persons,
        relations,
        violenceTypes,
        narrative,
        acuteConcern: false,
        contact: "06-12345678",
      };
    },
  },
  { method: "GET", route: "/api/v1/police/reports", as: "police" },
  { method: "GET", route: "/api/v1/cases" },
  { method: "GET", route: "/api/v1/cases/:id", url: caseUrl("") },
  { method: "GET", route: "/api/v1/handovers" },
  { method: "GET", route: "/api/v1/cases/:id/safety-plan", url: caseUrl("/safety-plan") },
  {
    method: "PUT",
    route: "/api/v1/cases/:id/safety-plan",
    url: caseUrl("/safety-plan"),
    body: () => ({
      plan: {
        concerns: "Violence at home",
        goal: "The children are safe",
        safetyConditions: [{ text: "No violence", met: false }],
        agreements: [{ text: "Weekly visit", dueOn: "2026-12-20", status: "open" }],
        safetyScores: [{ party: "family", score: 4, on: "2026-11-20" }],
      },
    }),
  },
  {
    method: "GET",
    route: "/api/v1/cases/:id/safety-plan/versions",
    url: caseUrl("/safety-plan/versions"),
  },
  {
    method: "GET",
    route: "/api/v1/cases/:id/safety-plan/versions/:version",
    url: caseUrl("/safety-plan/versions/1"),
  },
  {
    method: "POST",
    route: "/api/v1/cases/:id/phase",
    url: caseUrl("/phase"),
    body: () => ({ phase: "risk-driven-care", reason: "Safe enough." }),
  },
  {
    method: "POST",
    route: "/api/v1/cases/:id/direction",
    url: caseUrl("/direction"),
    body: () => ({ direction: "regional", reason: "Complex." }),
  },
  {
    method: "POST",
    route: "/api/v1/cases/:id/director",
    url: caseUrl("/director"),
    body: () => ({ userId: randomUUID() }),
  },
  {
    method: "POST",
    route: "/api/v1/cases/:id/persons/:personId/help-offered",
    url: (ids) => `/api/v1/cases/${ids.caseId}/persons/${ids.personId}/help-offered`,
    body: () => ({ date: "2026-11-01", description: "Play therapy" }),
  },
  {
    method: "POST",
    route: "/api/v1/cases/:id/safety-assessments",
    url: caseUrl("/safety-assessments"),
    body: () => ({ acuteUnsafety: false, structuralUnsafety: true, notes: "Calmer." }),
  },
  { method: "GET", route: "/api/v1/cases/:id/history", url: caseUrl("/history") },
  {
    method: "POST",
    route: "/api/v1/cases/:id/handovers",
    url: caseUrl("/handovers"),
    body: () => ({ toOrganisationId: randomUUID(), note: "Please take over." }),
  },
  {
    method: "POST",
    route: "/api/v1/handovers/:id/accept",
    url: (ids) => `/api/v1/handovers/${ids.handoverId}/accept`,
    as: "lt.zwolle",
  },
  {
    method: "POST",
    route: "/api/v1/handovers/:id/decline",
    url: (ids) => `/api/v1/handovers/${ids.handoverId}/decline`,
    body: () => ({ reason: "No capacity." }),
    as: "lt.zwolle",
  },
  {
    method: "POST",
    route: "/api/v1/cases/:id/close",
    url: caseUrl("/close"),
    body: () => ({ reason: "Safe." }),
  },
  {
    method: "POST",
    route: "/api/v1/cases/:id/reopen",
    url: caseUrl("/reopen"),
    body: () => ({ reason: "New facts." }),
  },
  { method: "GET", route: "/api/v1/cases/:id/follow-ups", url: caseUrl("/follow-ups") },
  {
    method: "POST",
    route: "/api/v1/follow-ups/:id",
    url: () => `/api/v1/follow-ups/${randomUUID()}`,
    body: () => ({ outcome: "safe", notes: "Calm." }),
  },
  {
    method: "POST",
    route: "/api/v1/cases/:id/restraining-orders",
    url: caseUrl("/restraining-orders"),
    body: (ids) => ({ startsOn: "2026-11-20", personId: ids.personId }),
  },
  {
    method: "POST",
    route: "/api/v1/restraining-orders/:id/extend",
    url: () => `/api/v1/restraining-orders/${randomUUID()}/extend`,
    body: () => ({ endsOn: "2026-12-10" }),
  },
  {
    method: "POST",
    route: "/api/v1/cases/:id/shelter-stays",
    url: caseUrl("/shelter-stays"),
    body: (ids) => ({ personIds: [ids.personId], kind: "crisis", startsOn: "2026-11-20" }),
  },
  {
    method: "POST",
    route: "/api/v1/shelter-stays/:id/end",
    url: () => `/api/v1/shelter-stays/${randomUUID()}/end`,
    body: () => ({ endedOn: "2026-11-25" }),
  },
  { method: "GET", route: "/api/v1/agreements" },
  { method: "GET", route: "/api/v1/follow-ups" },
  { method: "GET", route: "/api/v1/notifications" },
  {
    method: "POST",
    route: "/api/v1/notifications/:id/read",
    url: () => `/api/v1/notifications/${randomUUID()}/read`,
  },
];

/** Marks what the fuzz test sent, so that an answer echoing it is found. */
const canary = "Qz7canary";

/** What a hostile or broken client puts where a value belongs. */
const hostileLeaves: unknown[] = [
  "\u0000",
  `${canary}\u0000`,
  `<img src=x onerror=${canary}>`,
  "Jansen\u0000; DROP TABLE cases",
  "\u001b[31m\u0007",
  "x".repeat(70_000),
  "9999-12-31",
  "9999-12-31T23:59:59Z",
  "0001-01-01",
  "2026-02-30",
  "",
  " ",
  -1,
  2 ** 53,
  1e308,
  0.5,
  null,
  true,
  {},
  [],
  ["\u0000"],
];

/** Every variant of a body with one leaf (or one container) replaced by a hostile value. */
function mutateLeaves(value: unknown, replace: (v: unknown) => unknown[] = () => hostileLeaves): unknown[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, i) =>
      mutateLeaves(item, replace).map((m) => value.map((v, j) => (i === j ? m : v))),
    );
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value);
    return [
      ...entries.flatMap(([key, v]) => [
        ...mutateLeaves(v, replace).map((m) => ({ ...value, [key]: m })),
        Object.fromEntries(entries.filter(([k]) => k !== key)),
      ]),
      { ...value, [`${canary}Field`]: "\u0000" },
    ];
  }
  const upper = typeof value === "string" && value !== value.toUpperCase() ? [value.toUpperCase()] : [];
  return [...replace(value), ...upper];
}

const wholeBodies: unknown[] = [null, [], "text", 42, { "\u0000": "\u0000" }, { __proto__: { admin: true } }];

/** The URL with each id segment replaced by what is not a (lower-case) id. */
function mutateUrl(url: string): string[] {
  const idPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
  const found = url.match(idPattern) ?? [];
  return found.flatMap((id) =>
    [
      id.toUpperCase(),
      `${canary}-not-an-id`,
      "%00",
      "%E0%A4%A",
      "0".repeat(2000),
      `${id}%00`,
      "..%2F..%2Fhealth",
    ].map((bad) => url.replace(id, bad)),
  );
}

/**
 * At most `max` of the variants, evenly spread: large bodies (a report has some fifty leaves) would
 * otherwise take a thousand requests. The stride is prime to the number of hostile values, so every
 * kind of value still lands on many different fields.
 */
function spread<T>(variants: T[], max: number): T[] {
  if (variants.length <= max) {
    return variants;
  }
  let stride = Math.ceil(variants.length / max);
  while (stride % hostileLeaves.length === 0 || hostileLeaves.length % stride === 0) {
    stride += 1;
  }
  return variants.filter((_, i) => i % stride === 0);
}

/**
 * The variants of a body that must be refused with 400 whatever the route: each date leaf in year
 * 0000 and in 9999, each text leaf with a NUL character in it.
 */
function boundVariants(value: unknown, path = "(body)"): { body: unknown; what: string }[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, i) =>
      boundVariants(item, `${path}.${i}`).map((v) => ({
        ...v,
        body: value.map((x, j) => (i === j ? v.body : x)),
      })),
    );
  }
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) =>
      boundVariants(item, `${path}.${key}`).map((v) => ({ ...v, body: { ...value, [key]: v.body } })),
    );
  }
  if (typeof value !== "string") {
    return [];
  }
  const dated = /^\d{4}-\d{2}-\d{2}/.test(value)
    ? ["0000", "9999"].map((year) => ({
        body: year === "0000" ? `0000-01-01${value.slice(10)}` : `9999-12-31${value.slice(10)}`,
        what: `${path} in year ${year}`,
      }))
    : [];
  return [...dated, { body: `${value}\u0000`, what: `${path} with a NUL character` }];
}

let t: TestApp;
let watch: ChangeWatch;
let lastCounts: ChangeCounts = {};
const sessions = new Map<string, TestSession>();
const ids: Ids = { caseId: "", reportId: "", personId: "", handoverId: "" };

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_FORM_MAX_PER_HOUR: "10000", LOGIN_MAX_FAILURES_PER_ADDRESS: "100000" });
  for (const user of ["intake", "lt.zwolle", "privacy", "police"]) {
    sessions.set(user, await t.login(user));
  }
  const intake = sessions.get("intake") as TestSession;
  const zwolle = sessions.get("lt.zwolle") as TestSession;
  const report = await createReportAs(intake, sampleReport());
  const handedOver = await handOver(intake, report.id, zwolle.organisationId);
  ids.caseId = handedOver.caseId;
  ids.handoverId = handedOver.handoverId;
  const detail = (await intake.get(`/api/v1/cases/${ids.caseId}`)).json() as { persons: { id: string }[] };
  ids.personId = detail.persons[0]?.id ?? randomUUID();
  ids.reportId = (await createReportAs(intake, sampleReport())).id;
  watch = await watchChanges(t.database);
  lastCounts = await watch.counts();
});
afterAll(() => t.close());

async function send(target: Target, url: string, body: unknown) {
  const session = sessions.get(target.as ?? "intake") as TestSession;
  const response = await session.request(
    target.method,
    url,
    target.method === "GET" ? undefined : JSON.stringify(body),
    target.method === "GET" ? {} : { "content-type": "application/json" },
  );
  return {
    status: response.statusCode,
    type: String(response.headers["content-type"] ?? ""),
    body: response.body,
  };
}

describe("malformed input on every route", { timeout: 120_000 }, () => {
  it("fuzzes every registered API route but logout", () => {
    const fuzzed = new Set(allTargets().map((r) => `${r.method} ${r.route}`));
    const missing = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).filter((r) => !fuzzed.has(r));
    expect(missing).toEqual(["POST /api/v1/auth/logout"]);
  });

  for (const target of targets.filter((x) => !x.skip)) {
    it(`${target.method} ${target.route} answers no 5xx, refuses with problem+json and leaves nothing`, async () => {
      expect((await fuzz(target)).join("\n")).toBe("");
    });
  }

  // Routes without a target of their own are known only once the app is built: one test walks them.
  it("answers no 5xx and refuses with problem+json, leaving nothing, on every other route", {
    timeout: 300_000,
  }, async () => {
    const explicit = new Set(targets.map((x) => `${x.method} ${x.route}`));
    const failures: string[] = [];
    for (const target of allTargets().filter((x) => !explicit.has(`${x.method} ${x.route}`))) {
      failures.push(...(await fuzz(target)).map((f) => `${target.method} ${target.route}: ${f}`));
    }
    expect(failures.join("\n")).toBe("");
  });
});

/** The explicit targets, and one derived from the route for every route without one. */
function allTargets(): Target[] {
  const explicit = new Map(targets.map((x) => [`${x.method} ${x.route}`, x]));
  return t.app.apiRoutes.flatMap((route): Target[] => {
    const known = explicit.get(`${route.method} ${route.url}`);
    if (known) {
      return known.skip ? [] : [known];
    }
    return [
      {
        method: route.method as Target["method"],
        route: route.url,
        url: (fixture) =>
          route.url
            .replace(
              /\/([a-z-]+)\/:[A-Za-z]+/g,
              (_, segment: string) => `/${segment}/${idFor(segment, fixture)}`,
            )
            .replace(/:[A-Za-z]+/g, randomUUID()),
        body: (fixture) => sampleFromSchema(route.bodySchema, { uuid: fixture.personId }),
      },
    ];
  });
}

/** The fixture's id for a path segment such as `cases/:id`; a fresh id where there is none. */
function idFor(segment: string, fixture: Ids): string {
  const byCollection: Record<string, string> = {
    cases: fixture.caseId,
    reports: fixture.reportId,
    persons: fixture.personId,
    handovers: fixture.handoverId,
  };
  return byCollection[segment] ?? randomUUID();
}

async function fuzz(target: Target): Promise<string[]> {
  const url = target.url ? target.url(ids) : target.route;
  const base = target.body?.(ids);
  const bodies = base === undefined ? wholeBodies : [...spread(mutateLeaves(base), 200), ...wholeBodies];
  const random = fc.sample(fc.jsonValue({ maxDepth: 3 }), { numRuns: 15, seed: 7 });
  const failures: string[] = [];
  const check = async (u: string, b: unknown, what: string) => {
    const { status, type, body } = await send(target, u, b);
    const counts = await watch.counts();
    const changed = watch.changed(lastCounts, counts);
    lastCounts = counts;
    if (status >= 500 || (status >= 400 && !type.includes("application/problem+json"))) {
      failures.push(`${status} ${type || "(no type)"} for ${what}`);
    }
    if (status >= 400 && changed.length > 0) {
      failures.push(`${status} left a change in ${changed.join(", ")} for ${what}`);
    }
    if (status >= 400 && body.includes(canary)) {
      failures.push(`${status} echoes what was sent for ${what}`);
    }
    return status;
  };
  for (const b of target.method === "GET" ? [undefined] : [...bodies, ...random]) {
    await check(url, b, `body ${JSON.stringify(b)?.slice(0, 120)}`);
  }
  for (const u of mutateUrl(url)) {
    await check(u, base ?? {}, `url ${u.slice(0, 120)}`);
  }
  // A caller the route refuses before it reads the body (401, 403) cannot reach the field checks.
  const reachesValidation =
    base !== undefined && ![401, 403].includes(await check(url, base, "the valid body"));
  const variants = reachesValidation ? boundVariants(base) : [];
  // Every date leaf in both years; NUL (checked on every string by one validator) on a spread of leaves.
  const dated = variants.filter((v) => !v.what.endsWith("NUL character"));
  const withNul = variants.filter((v) => v.what.endsWith("NUL character"));
  for (const variant of [...dated, ...spread(withNul, 12)]) {
    const status = await check(url, variant.body, variant.what);
    if (status !== 400) {
      failures.push(`${status} instead of 400 for ${variant.what}`);
    }
  }
  return failures;
}

describe("after the fuzzing", () => {
  it("the case is still readable for its workers", async () => {
    for (const user of ["intake", "lt.zwolle"]) {
      const answer = await (sessions.get(user) as TestSession).get(`/api/v1/cases/${ids.caseId}`);
      expect(answer.statusCode).toBe(200);
    }
  });

  it("the change watch sees a committed change (the check above is not vacuous)", async () => {
    const before = await watch.counts();
    const fingerprint = await watch.fingerprint();
    await createReportAs(sessions.get("intake") as TestSession, sampleReport());
    expect(watch.changed(before, await watch.counts())).toEqual(
      expect.arrayContaining([expect.stringMatching(/^reports /), expect.stringMatching(/^report_persons /)]),
    );
    expect(await watch.fingerprint()).not.toBe(fingerprint);
  });
});

describe("the fuzz targets", () => {
  it("name registered routes only", () => {
    const registered = new Set(t.app.apiRoutes.map((r) => `${r.method} ${r.url}`));
    expect(targets.map((x) => `${x.method} ${x.route}`).filter((x) => !registered.has(x))).toEqual([]);
  });
});
