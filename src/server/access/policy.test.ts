import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../shared/auth.ts";
import { caseInvolvements, cases, organisations, regions } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { createTestDatabase, type TestDatabase } from "../test-support/database.ts";
import { actionRoles, authorizeCase, decideRole } from "./policy.ts";
import type { Principal } from "./principal.ts";

describe("role decisions", () => {
  it("allows an action only to the roles listed for it and names the role used", () => {
    expect(decideRole({ roles: ["privacy-officer"] }, "audit.read")).toEqual({
      allowed: true,
      role: "privacy-officer",
    });
    expect(decideRole({ roles: ["intake-worker"] }, "audit.read")).toEqual({ allowed: false });
    expect(decideRole({ roles: ["policy-officer"] }, "case.read")).toEqual({ allowed: false });
    expect(decideRole({ roles: ["administrator", "case-worker"] }, "case.read")).toEqual({
      allowed: true,
      role: "case-worker",
    });
  });

  it("never lets a policy officer or administrator read a case", () => {
    const forbidden: Role[] = ["policy-officer", "administrator"];
    for (const role of forbidden) {
      expect(decideRole({ roles: [role] }, "case.read").allowed).toBe(false);
    }
    expect(actionRoles["case.read"]).not.toContain("policy-officer");
  });
});

describe("case involvement", () => {
  let t: TestDatabase;
  const caseId = randomUUID();
  let zwolle: string;
  let deventer: string;
  let centre: string;
  const principal = (organisationId: string): Principal => ({
    userId: randomUUID(),
    username: "x",
    displayName: "X",
    roles: ["case-worker"],
    organisationId,
    organisationKind: "local-team",
    regionId: randomUUID(),
    sessionId: "s",
    csrfToken: "c",
  });

  beforeAll(async () => {
    t = await createTestDatabase();
    const { db } = t.database;
    const orgs = await db.select().from(organisations);
    const byName = (name: string) => orgs.find((o) => o.name === name)?.id ?? "";
    zwolle = byName("Lokaal team Zwolle");
    deventer = byName("Lokaal team Deventer");
    centre = byName("Veilig Thuis IJsselland");
    const [region] = await db.select().from(regions);
    await db.insert(cases).values({
      id: caseId,
      reference: "VT-2026-000001",
      regionId: region?.id ?? "",
      municipalityCode: "GM0193",
      status: "open",
      createdAt: new Date(),
    });
    await db.insert(caseInvolvements).values([
      {
        id: randomUUID(),
        caseId,
        organisationId: centre,
        ground: "triage",
        startedAt: new Date("2026-03-02T09:00:00Z"),
      },
      {
        id: randomUUID(),
        caseId,
        organisationId: zwolle,
        ground: "pending-handover",
        startedAt: new Date("2026-03-04T09:00:00Z"),
      },
      {
        id: randomUUID(),
        caseId,
        organisationId: deventer,
        ground: "pending-handover",
        startedAt: new Date("2026-03-03T09:00:00Z"),
        endedAt: new Date("2026-03-05T09:00:00Z"),
      },
    ]);
  });
  afterAll(() => t.dispose());

  it("answers the ground of access for an involved organisation", async () => {
    await expect(authorizeCase(t.database.db, principal(centre), caseId)).resolves.toBe(
      "involved through triage since 2026-03-02",
    );
    await expect(authorizeCase(t.database.db, principal(zwolle), caseId)).resolves.toBe(
      "pending handover since 2026-03-04",
    );
  });

  it("answers 404 for an organisation whose involvement ended", async () => {
    await expect(authorizeCase(t.database.db, principal(deventer), caseId)).rejects.toMatchObject({
      code: "NOT_FOUND",
      status: 404,
    });
  });

  it("answers the same 404 for an uninvolved organisation as for a case that does not exist", async () => {
    const other = await authorizeCase(t.database.db, principal(randomUUID()), caseId).catch(
      (e: AppError) => e,
    );
    const missing = await authorizeCase(t.database.db, principal(centre), randomUUID()).catch(
      (e: AppError) => e,
    );
    expect(other).toBeInstanceOf(AppError);
    expect(missing).toBeInstanceOf(AppError);
    expect((other as AppError).message).toBe((missing as AppError).message);
    expect((other as AppError).status).toBe(404);
  });
});
