import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test-support/database.ts";
import { MigrationError, migrate } from "./migrate.ts";

let t: TestDatabase;
let dir: string;
beforeAll(async () => {
  t = await createTestDatabase({ demoData: false });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "schakel-migrations-"));
});
afterAll(async () => {
  await t.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("migrations", () => {
  it("applies new files in order, once", async () => {
    fs.writeFileSync(path.join(dir, "0001_a.sql"), "CREATE TABLE mig_a (id int);");
    fs.writeFileSync(
      path.join(dir, "0002_b.sql"),
      "CREATE TABLE mig_b (id int); INSERT INTO mig_b VALUES (1);",
    );
    expect(await migrate(t.database.raw, dir)).toEqual(["0001_a", "0002_b"]);
    expect(await migrate(t.database.raw, dir)).toEqual([]);
  });

  it("stops on a failing migration, leaves nothing of it behind and records it as not applied", async () => {
    fs.writeFileSync(
      path.join(dir, "0003_bad.sql"),
      "CREATE TABLE mig_c (id int); SELECT * FROM no_such_table;",
    );
    await expect(migrate(t.database.raw, dir)).rejects.toThrow(MigrationError);
    await expect(migrate(t.database.raw, dir)).rejects.toThrow(/0003_bad\.sql failed/);
    const tables = await t.database.raw.query(
      "select 1 from information_schema.tables where table_name = 'mig_c'",
    );
    expect(tables).toEqual([]);
    const versions = await t.database.raw.query<{ version: string }>(
      "select version from schema_migrations where version like '000%' order by version",
    );
    expect(versions.map((v) => v.version)).not.toContain("0003_bad");
  });
});
