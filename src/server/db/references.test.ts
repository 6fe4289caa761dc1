import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dateInAmsterdam } from "../../shared/calendar/working-days.ts";
import { createTestApp, type TestApp } from "../test-support/app.ts";
import { createReportAs, handOver, sampleReport } from "../test-support/reports.ts";
import { nextReference, referenceSequenceName } from "./references.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const numberOf = (reference: string) => Number(reference.split("-").at(-1));

describe("references", () => {
  it("stay unique under 40 parallel creations, the first of a year among them", async () => {
    const references = await Promise.all(
      Array.from({ length: 40 }, () => t.database.db.transaction((tx) => nextReference(tx, "VT", 2015))),
    );
    expect(new Set(references).size).toBe(40);
    expect(references.map(numberOf).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    expect(references).toContain("VT-2015-000001");
  });

  it("stay unique under 40 parallel reports recorded through the API", async () => {
    const intake = await t.login("intake");
    const created = await Promise.all(
      Array.from({ length: 40 }, () =>
        intake.post("/api/v1/reports", sampleReport({ receivedAt: "2016-05-04T10:00:00+02:00" })),
      ),
    );
    expect(created.map((r) => r.statusCode)).toEqual(Array(40).fill(201));
    const references = created.map((r) => r.json().reference as string);
    expect(new Set(references).size).toBe(40);
    expect(references.every((r) => /^VT-2016-\d{6}$/.test(r))).toBe(true);
  });

  it("count per year and never repeat a number, not after a rollback", async () => {
    const first = await t.database.db.transaction((tx) => nextReference(tx, "VT", 2017));
    await expect(
      t.database.db.transaction(async (tx) => {
        await nextReference(tx, "VT", 2017);
        throw new Error("the creation fails after drawing its number");
      }),
    ).rejects.toThrow(/fails/);
    const third = await t.database.db.transaction((tx) => nextReference(tx, "VT", 2017));
    expect(first).toBe("VT-2017-000001");
    expect(numberOf(third)).toBeGreaterThan(numberOf(first));
    expect(await t.database.db.transaction((tx) => nextReference(tx, "VT", 2018))).toBe("VT-2018-000001");
  });

  it("carry the Dutch prefix ZAAK for a case", async () => {
    const intake = await t.login("intake");
    const zwolle = await t.login("lt.zwolle");
    const report = await createReportAs(intake, sampleReport());
    const { caseId } = await handOver(intake, report.id, zwolle.organisationId);
    const { reference } = (await intake.get(`/api/v1/cases/${caseId}`)).json() as { reference: string };
    expect(reference).toMatch(new RegExp(`^ZAAK-${dateInAmsterdam(new Date()).slice(0, 4)}-\\d{6}$`));
  });

  it("refuse a prefix or year that could leave the sequence's name", () => {
    expect(referenceSequenceName("ZAAK", 2026)).toBe("reference_zaak_2026");
    expect(() => referenceSequenceName("VT; DROP", 2026)).toThrow();
    expect(() => referenceSequenceName("VT", 20261)).toThrow();
  });
});

describe("the migration to sequences", () => {
  it("starts each sequence after its counter's last number and continues CASE as ZAAK", async () => {
    const script = fs.readFileSync(
      path.resolve(import.meta.dirname, "../../../migrations/0014_reference_sequences.sql"),
      "utf8",
    );
    await t.database.raw.transaction(async (tx) => {
      // The counters as they stood before the migration, in years nothing else here uses.
      await tx.exec(`CREATE TABLE reference_counters (prefix text, year integer, last integer, PRIMARY KEY (prefix, year));
        INSERT INTO reference_counters VALUES ('VT', 2019, 123), ('CASE', 2019, 45), ('CASE', 2020, 7);`);
      await tx.exec(script);
    });
    const next = (prefix: string, year: number) =>
      t.database.db.transaction((tx) => nextReference(tx, prefix, year));
    expect(await next("VT", 2019)).toBe("VT-2019-000124");
    expect(await next("ZAAK", 2019)).toBe("ZAAK-2019-000046");
    expect(await next("ZAAK", 2020)).toBe("ZAAK-2020-000008");
    const counters = await t.database.raw.query(
      "select 1 from information_schema.tables where table_name = 'reference_counters'",
    );
    expect(counters).toEqual([]);
  });
});
