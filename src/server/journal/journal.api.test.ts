import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dateInAmsterdam } from "../../shared/calendar/working-days.ts";
import type { JournalEntry } from "../../shared/journal.ts";
import { auditEntries, caseInvolvements, journalEntries } from "../db/schema.ts";
import { createTestApp, type TestApp, type TestSession } from "../test-support/app.ts";
import { multipartBody, smallPdf } from "../test-support/multipart.ts";
import { createReportAs, handOver, sampleReport } from "../test-support/reports.ts";

const maxBytes = 4096;
let t: TestApp;
let intake: TestSession;
let centreWorker: TestSession;
let zwolle: TestSession;
let shelter: TestSession;
let police: TestSession;
let policy: TestSession;
let caseId: string;
let otherCaseId: string;
let personIds: string[];
const logLines: string[] = [];
const today = dateInAmsterdam(new Date());

const entry = (overrides: Record<string, unknown> = {}) => ({
  kind: "conversation",
  occurredOn: today,
  text: "Gesprek met moeder over de afspraken.",
  visibility: "network",
  personIds: [personIds[0]],
  ...overrides,
});

async function write(session: TestSession, body: unknown, id = caseId) {
  return session.post(`/api/v1/cases/${id}/journal-entries`, body);
}

async function written(session: TestSession, body: unknown, id = caseId): Promise<JournalEntry> {
  const response = await write(session, body, id);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as JournalEntry;
}

async function list(session: TestSession, query = "", id = caseId) {
  return session.get(`/api/v1/cases/${id}/journal-entries${query}`);
}

async function listedIds(session: TestSession, query = ""): Promise<string[]> {
  const response = await list(session, query);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { items: JournalEntry[] }).items.map((e) => e.id);
}

function upload(session: TestSession, parts: Parameters<typeof multipartBody>[0], id = caseId) {
  const { payload, contentType } = multipartBody(parts);
  return t.app.inject({
    method: "POST",
    url: `/api/v1/cases/${id}/journal-documents`,
    headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken, "content-type": contentType },
    payload,
  });
}

const entryPart = (overrides: Record<string, unknown> = {}) => ({
  name: "entry",
  value: JSON.stringify(entry({ kind: "document", text: "Verslag van de school.", ...overrides })),
});

beforeAll(async () => {
  t = await createTestApp(
    { JOURNAL_UPLOAD_MAX_BYTES: String(maxBytes), LOG_LEVEL: "info" },
    {
      logger: {
        level: "info",
        stream: new Writable({
          write(chunk, _encoding, done) {
            logLines.push(String(chunk));
            done();
          },
        }),
      },
    },
  );
  intake = await t.login("intake");
  centreWorker = await t.login("centre.worker");
  zwolle = await t.login("lt.zwolle");
  shelter = await t.login("shelter");
  police = await t.login("police");
  policy = await t.login("policy.zwolle");
  const report = await createReportAs(intake, sampleReport());
  const handed = await handOver(intake, report.id, zwolle.organisationId);
  caseId = handed.caseId;
  expect((await zwolle.post(`/api/v1/handovers/${handed.handoverId}/accept`)).statusCode).toBe(200);
  // The shelter joins the network (the ground another part of the work invites it on).
  await t.database.db.insert(caseInvolvements).values({
    id: randomUUID(),
    caseId,
    organisationId: shelter.organisationId,
    ground: "network-partner",
    startedAt: new Date(),
  });
  const detail = (await intake.get(`/api/v1/cases/${caseId}`)).json() as { persons: { id: string }[] };
  personIds = detail.persons.map((p) => p.id);
  const other = await createReportAs(
    intake,
    sampleReport({
      persons: [{ key: "a", firstName: "Eva", lastName: "Kok", birthDate: "1979-02-02", role: "victim" }],
      relations: [],
    }),
  );
  otherCaseId = (await handOver(intake, other.id, zwolle.organisationId)).caseId;
});
afterAll(() => t.close());

describe("visibility of journal entries", () => {
  let network: JournalEntry;
  let own: JournalEntry;
  let forDirector: JournalEntry;

  beforeAll(async () => {
    network = await written(intake, entry({ text: "Met het netwerk gedeeld." }));
    own = await written(intake, entry({ visibility: "organisation", text: "Alleen voor Veilig Thuis." }));
    forDirector = await written(intake, entry({ visibility: "director", text: "Alleen voor de regisseur." }));
  });

  it("shows a network partner the entries shared with the network, not those for the author's organisation", async () => {
    const ids = await listedIds(shelter);
    expect(ids).toContain(network.id);
    expect(ids).not.toContain(own.id);
    expect(ids).not.toContain(forDirector.id);
    expect((await shelter.get(`/api/v1/journal-entries/${network.id}`)).statusCode).toBe(200);
    expect((await shelter.get(`/api/v1/journal-entries/${own.id}`)).statusCode).toBe(404);
  });

  it("lets a network partner write its own entries, though it does not direct the case", async () => {
    const response = await shelter.post(
      `/api/v1/cases/${caseId}/journal-entries`,
      entry({ text: "Intakegesprek in de opvang." }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ author: { organisationId: shelter.organisationId } });
  });

  it("shows the author's organisation its own entries, and another involved organisation only the network's", async () => {
    const centre = await listedIds(centreWorker);
    expect(centre).toEqual(expect.arrayContaining([network.id, own.id]));
    expect(centre).not.toContain(forDirector.id);
    const local = await listedIds(zwolle);
    expect(local).toContain(network.id);
    expect(local).not.toContain(own.id);
    expect((await zwolle.get(`/api/v1/journal-entries/${own.id}`)).statusCode).toBe(404);
  });

  it("shows an entry for the director to its author and to the case director only", async () => {
    expect(await listedIds(intake)).toContain(forDirector.id);
    expect((await centreWorker.get(`/api/v1/journal-entries/${forDirector.id}`)).statusCode).toBe(404);
    const made = await zwolle.post(`/api/v1/cases/${caseId}/director`, { userId: zwolle.userId });
    expect(made.statusCode, made.body).toBe(200);
    expect(await listedIds(zwolle)).toContain(forDirector.id);
    expect(await listedIds(centreWorker)).not.toContain(forDirector.id);
  });

  it("answers 404 for the journal and its entries to an organisation not involved in the case", async () => {
    expect((await list(police)).statusCode).toBe(404);
    expect((await police.get(`/api/v1/journal-entries/${network.id}`)).statusCode).toBe(404);
    expect((await write(police, entry())).statusCode).toBe(404);
    expect((await police.get(`/api/v1/journal-entries/${randomUUID()}`)).statusCode).toBe(404);
  });

  it("refuses roles that never read the journal with 403", async () => {
    expect((await list(policy)).statusCode).toBe(403);
  });

  it("audits each entry read, naming the persons it concerns", async () => {
    await listedIds(shelter);
    const rows = await t.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, "journal.read"), eq(auditEntries.subjectId, network.id)));
    const byShelter = rows.filter((r) => r.organisationId === shelter.organisationId);
    expect(byShelter.length).toBeGreaterThan(0);
    expect(byShelter[0]?.personIds).toEqual([personIds[0]]);
    expect(byShelter[0]?.caseId).toBe(caseId);
    const notShown = await t.database.db
      .select()
      .from(auditEntries)
      .where(
        and(eq(auditEntries.subjectId, own.id), eq(auditEntries.organisationId, shelter.organisationId)),
      );
    // Its refused attempt to open the entry is logged as denied; no read of it is.
    expect(notShown.filter((r) => r.outcome !== "denied")).toEqual([]);
  });

  it("audits the write with the persons of the entry", async () => {
    const two = await written(centreWorker, entry({ personIds: [personIds[1], personIds[2]] }));
    const [row] = await t.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, "journal.write"), eq(auditEntries.subjectId, two.id)));
    expect(row?.personIds.sort()).toEqual([personIds[1], personIds[2]].sort());
  });
});

describe("writing entries", () => {
  it("records date, author, organisation, persons and visibility", async () => {
    const e = await written(centreWorker, entry({ kind: "home-visit", source: "Buurvrouw" }));
    expect(e).toMatchObject({
      caseId,
      kind: "home-visit",
      occurredOn: today,
      source: "Buurvrouw",
      visibility: "network",
      personIds: [personIds[0]],
      author: { userId: centreWorker.userId, organisationId: centreWorker.organisationId },
      correctsEntryId: null,
      correctedByEntryId: null,
      document: null,
    });
  });

  it("refuses a NUL byte, the year 9999, a day before 2014 and tomorrow, listing each field, and stores nothing", async () => {
    const before = (await t.database.db.select().from(journalEntries)).length;
    const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
    for (const [body, path] of [
      [entry({ text: "a\u0000b" }), "text"],
      [entry({ source: "x\u0000" }), "source"],
      [entry({ occurredOn: "9999-12-31" }), "occurredOn"],
      [entry({ occurredOn: "2013-12-31" }), "occurredOn"],
      [entry({ occurredOn: tomorrow }), "occurredOn"],
      [entry({ text: "x".repeat(10_001) }), "text"],
      [entry({ personIds: [] }), "personIds"],
      [entry({ visibility: "everyone" }), "visibility"],
    ] as const) {
      const response = await write(centreWorker, body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect((response.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(path);
    }
    const two = await write(centreWorker, entry({ text: "a\u0000", occurredOn: "9999-01-01" }));
    expect((two.json() as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual([
      "occurredOn",
      "text",
    ]);
    expect((await t.database.db.select().from(journalEntries)).length).toBe(before);
  });

  it("refuses persons who are not of the household", async () => {
    const response = await write(centreWorker, entry({ personIds: [personIds[0], randomUUID()] }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errors: [{ path: "personIds.1" }] });
  });

  it("accepts ids in upper case and stores them in one form", async () => {
    const response = await write(
      centreWorker,
      entry({ personIds: [personIds[1]?.toUpperCase()] }),
      caseId.toUpperCase(),
    );
    expect(response.statusCode, response.body).toBe(201);
    const e = response.json() as JournalEntry;
    expect(e.caseId).toBe(caseId);
    expect(e.personIds).toEqual([personIds[1]]);
    expect((await centreWorker.get(`/api/v1/journal-entries/${e.id.toUpperCase()}`)).statusCode).toBe(200);
    const filtered = await listedIds(centreWorker, `?personId=${personIds[1]?.toUpperCase()}`);
    expect(filtered).toContain(e.id);
  });

  it("lets a receiver still deciding on a handover read but not write (403)", async () => {
    const report = await createReportAs(intake, sampleReport());
    const pending = await handOver(intake, report.id, zwolle.organisationId);
    const shared = await written(intake, await entryForCase(pending.caseId), pending.caseId);
    const read = await list(zwolle, "", pending.caseId);
    expect(read.statusCode).toBe(200);
    expect((read.json() as { items: JournalEntry[] }).items.map((e) => e.id)).toContain(shared.id);
    const response = await write(zwolle, await entryForCase(pending.caseId), pending.caseId);
    expect(response.statusCode).toBe(403);
  });

  it("filters by kind and by person and pages with a cursor", async () => {
    const visit = await written(centreWorker, entry({ kind: "contact", personIds: [personIds[2]] }));
    const byKind = await listedIds(centreWorker, "?kind=contact");
    expect(byKind).toContain(visit.id);
    const all = (await list(centreWorker, "?kind=contact")).json() as { items: JournalEntry[] };
    expect(all.items.every((e) => e.kind === "contact")).toBe(true);
    const byPerson = (await list(centreWorker, `?personId=${personIds[2]}`)).json() as {
      items: JournalEntry[];
    };
    expect(byPerson.items.every((e) => e.personIds.includes(personIds[2] ?? ""))).toBe(true);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await list(centreWorker, query)).json() as {
        items: JournalEntry[];
        nextCursor: string | null;
      };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    const whole = await listedIds(centreWorker, "?limit=100");
    expect(seen).toEqual(whole);
    expect((await list(centreWorker, "?cursor=nonsense")).statusCode).toBe(400);
  });
});

async function entryForCase(id: string) {
  const detail = (await intake.get(`/api/v1/cases/${id}`)).json() as { persons: { id: string }[] };
  return entry({ personIds: [detail.persons[0]?.id] });
}

describe("corrections", () => {
  it("adds a correction that points to the entry it corrects; both stay, the corrected one says so", async () => {
    const original = await written(intake, entry({ text: "Huisbezoek op dinsdag." }));
    const correction = await written(
      centreWorker,
      entry({ text: "Het huisbezoek was op woensdag.", correctsEntryId: original.id }),
    );
    expect(correction.correctsEntryId).toBe(original.id);
    const ids = await listedIds(shelter, "?limit=100");
    expect(ids).toEqual(expect.arrayContaining([original.id, correction.id]));
    const shown = (await shelter.get(`/api/v1/journal-entries/${original.id}`)).json() as JournalEntry;
    expect(shown.text).toBe("Huisbezoek op dinsdag.");
    expect(shown.correctedByEntryId).toBe(correction.id);
    const audit = await t.database.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.subjectId, correction.id));
    expect(audit.map((a) => a.action)).toContain("journal.correct");
  });

  it("lets only the author's organisation correct (403 for another organisation that can read it)", async () => {
    const original = await written(intake, entry());
    const response = await write(zwolle, entry({ correctsEntryId: original.id }));
    expect(response.statusCode).toBe(403);
  });

  it("lets only the author correct an entry for the director", async () => {
    const original = await written(intake, entry({ visibility: "director" }));
    const byColleague = await write(
      centreWorker,
      entry({ visibility: "director", correctsEntryId: original.id }),
    );
    // The colleague cannot read it: the entry is as unknown to them as a missing one.
    expect(byColleague.statusCode).toBe(400);
    expect(byColleague.json()).toMatchObject({ errors: [{ path: "correctsEntryId" }] });
    expect(
      (await write(intake, entry({ visibility: "director", correctsEntryId: original.id }))).statusCode,
    ).toBe(201);
  });

  it("keeps the visibility of the corrected entry", async () => {
    const original = await written(intake, entry({ visibility: "organisation" }));
    const response = await write(intake, entry({ visibility: "network", correctsEntryId: original.id }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errors: [{ path: "visibility" }] });
  });

  it("refuses a correction of an entry of another case, or of no entry", async () => {
    const elsewhere = await written(intake, await entryForCase(otherCaseId), otherCaseId);
    for (const id of [elsewhere.id, randomUUID()]) {
      const response = await write(intake, entry({ correctsEntryId: id }));
      expect(response.statusCode).toBe(400);
    }
  });

  it("corrects an entry once: a second correction is 409 (correct the correction instead)", async () => {
    const original = await written(intake, entry());
    const first = await written(intake, entry({ correctsEntryId: original.id }));
    expect((await write(intake, entry({ correctsEntryId: original.id }))).statusCode).toBe(409);
    expect((await write(intake, entry({ correctsEntryId: first.id }))).statusCode).toBe(201);
  });

  it("lets exactly one of two parallel corrections of one entry through", async () => {
    const original = await written(intake, entry());
    const answers = await Promise.all(
      [intake, centreWorker, intake, centreWorker].map((s, i) =>
        write(s, entry({ text: `Correctie ${i}`, correctsEntryId: original.id })),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409]);
    const corrections = await t.database.db
      .select()
      .from(journalEntries)
      .where(eq(journalEntries.correctsEntryId, original.id));
    expect(corrections).toHaveLength(1);
  });

  it("never changes or removes an entry, not even in the database", async () => {
    const original = await written(intake, entry());
    await expect(
      t.database.db.update(journalEntries).set({ text: "changed" }).where(eq(journalEntries.id, original.id)),
    ).rejects.toThrow();
    await expect(
      t.database.db.delete(journalEntries).where(eq(journalEntries.id, original.id)),
    ).rejects.toThrow();
  });
});

describe("documents", () => {
  it("stores a PDF and hands it back as an attachment that is never sniffed or cached", async () => {
    const response = await upload(centreWorker, [
      entryPart(),
      { name: "file", value: smallPdf, fileName: "Verslag school Noor.pdf", type: "application/pdf" },
    ]);
    expect(response.statusCode, response.body).toBe(201);
    const e = response.json() as JournalEntry;
    expect(e.document).toEqual({
      fileName: "Verslag school Noor.pdf",
      mediaType: "application/pdf",
      sizeBytes: smallPdf.length,
    });
    const download = await shelter.get(`/api/v1/journal-entries/${e.id}/document`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(smallPdf)).toBe(true);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["content-disposition"]).toBe(
      `attachment; filename="Verslag school Noor.pdf"; filename*=UTF-8''Verslag%20school%20Noor.pdf`,
    );
    expect(download.headers["x-content-type-options"]).toBe("nosniff");
    expect(download.headers["cache-control"]).toBe("no-store");
  });

  it("never writes the file name to the log", async () => {
    const marker = `Geheim-${randomUUID()}`;
    const response = await upload(centreWorker, [
      entryPart(),
      { name: "file", value: smallPdf, fileName: `${marker}.pdf` },
    ]);
    expect(response.statusCode).toBe(201);
    const id = (response.json() as JournalEntry).id;
    await centreWorker.get(`/api/v1/journal-entries/${id}/document`);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join("\n")).not.toContain(marker);
  });

  it("answers 404 for the document of an entry the caller may not read", async () => {
    const response = await upload(centreWorker, [
      entryPart({ visibility: "organisation" }),
      { name: "file", value: smallPdf, fileName: "intern.pdf" },
    ]);
    const id = (response.json() as JournalEntry).id;
    expect((await shelter.get(`/api/v1/journal-entries/${id}/document`)).statusCode).toBe(404);
    expect((await zwolle.get(`/api/v1/journal-entries/${id}/document`)).statusCode).toBe(404);
    expect((await police.get(`/api/v1/journal-entries/${id}/document`)).statusCode).toBe(404);
    expect((await centreWorker.get(`/api/v1/journal-entries/${id}/document`)).statusCode).toBe(200);
    const withoutDocument = await written(centreWorker, entry());
    expect(
      (await centreWorker.get(`/api/v1/journal-entries/${withoutDocument.id}/document`)).statusCode,
    ).toBe(404);
  });

  it("refuses a file over the limit with 413 and stores nothing", async () => {
    const before = (await t.database.db.select().from(journalEntries)).length;
    const big = Buffer.concat([smallPdf, Buffer.alloc(maxBytes, 0x20)]);
    const response = await upload(centreWorker, [
      entryPart(),
      { name: "file", value: big, fileName: "groot.pdf" },
    ]);
    expect(response.statusCode).toBe(413);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect((await t.database.db.select().from(journalEntries)).length).toBe(before);
  });

  it("decides the type by the bytes: a program, an archive or binary data named .pdf is 415", async () => {
    const program = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0)]);
    const zip = Buffer.from("504b0304140000000800000000000000000000000000000000000000", "hex");
    const binary = Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10]);
    const html = Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>");
    for (const value of [program, zip, binary, html]) {
      const response = await upload(centreWorker, [
        entryPart(),
        { name: "file", value, fileName: "verslag.pdf", type: "application/pdf" },
      ]);
      expect(response.statusCode, value.subarray(0, 4).toString("hex")).toBe(415);
      expect(response.headers["content-type"]).toContain("application/problem+json");
    }
  });

  it("accepts plain text, and gives a text file named .pdf the extension of what it is", async () => {
    const response = await upload(centreWorker, [
      entryPart(),
      {
        name: "file",
        value: Buffer.from("Notities van het gesprek.\nTweede regel – met é.\n"),
        fileName: "notities.pdf",
      },
    ]);
    expect(response.statusCode, response.body).toBe(201);
    expect((response.json() as JournalEntry).document).toMatchObject({
      mediaType: "text/plain",
      fileName: "notities.pdf.txt",
    });
  });

  it("lists every problem of the entry and the missing file at once (400)", async () => {
    const response = await upload(centreWorker, [
      {
        name: "entry",
        value: JSON.stringify({
          kind: "document",
          occurredOn: "9999-01-01",
          text: "",
          visibility: "network",
          personIds: [],
        }),
      },
    ]);
    expect(response.statusCode).toBe(400);
    const paths = (response.json() as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(["entry.occurredOn", "entry.text", "entry.personIds", "file"]),
    );
    const noEntry = await upload(centreWorker, [{ name: "file", value: smallPdf, fileName: "a.pdf" }]);
    expect(noEntry.statusCode).toBe(400);
    const badJson = await upload(centreWorker, [
      { name: "entry", value: "{" },
      { name: "file", value: smallPdf, fileName: "a.pdf" },
    ]);
    expect(badJson.statusCode).toBe(400);
  });

  it("refuses a document entry without its file, and a JSON body on the upload route", async () => {
    expect((await write(centreWorker, entry({ kind: "document" }))).statusCode).toBe(400);
    const json = await centreWorker.post(`/api/v1/cases/${caseId}/journal-documents`, entry());
    expect(json.statusCode).toBe(415);
  });

  it("refuses the upload before reading it for a case the caller may not see (404)", async () => {
    const response = await upload(police, [
      entryPart(),
      { name: "file", value: smallPdf, fileName: "a.pdf" },
    ]);
    expect(response.statusCode).toBe(404);
  });

  it("accepts multipart only on the upload route", async () => {
    const { payload, contentType } = multipartBody([entryPart()]);
    const response = await t.app.inject({
      method: "POST",
      url: `/api/v1/cases/${caseId}/journal-entries`,
      headers: {
        cookie: centreWorker.cookie,
        "x-csrf-token": centreWorker.csrfToken,
        "content-type": contentType,
      },
      payload,
    });
    expect(response.statusCode).toBe(415);
  });
});
