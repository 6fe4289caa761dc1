import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { roleSchema } from "../../shared/auth.ts";
import { municipalitySchema, organisationKinds } from "../../shared/reference.ts";
import { hashPassword } from "../auth/passwords.ts";
import type { Db } from "../db/client.ts";
import {
  municipalities,
  organisations,
  regions,
  riskChecklists,
  users,
  violenceTypes,
} from "../db/schema.ts";
import { parseChecklist } from "../intake/risk-checklist.ts";

const regionsDir = path.resolve(import.meta.dirname, "../../../regions");

const regionFileSchema = z.object({
  region: z.object({ id: z.uuid(), code: z.string().min(1), name: z.string().min(1) }),
  centreMunicipalityCode: z.string(),
  municipalities: z.array(municipalitySchema).min(1),
  organisations: z
    .array(
      z.object({
        key: z.string(),
        id: z.uuid(),
        name: z.string().min(1),
        kind: z.enum(organisationKinds),
        municipalityCode: z.string().optional(),
      }),
    )
    .min(1),
});

const accountsFileSchema = z.object({
  password: z.string().min(8),
  totpSecret: z.string().regex(/^[A-Z2-7]{26,}$/, "a base32 secret of at least 128 bits"),
  accounts: z.array(
    z.object({
      id: z.uuid(),
      username: z.string().min(1),
      displayName: z.string().min(1),
      roles: z.array(roleSchema).min(1),
      organisation: z.string(),
    }),
  ),
});

const violenceTypesFileSchema = z.object({
  violenceTypes: z.array(
    z.object({ code: z.string(), group: z.string(), labelNl: z.string(), labelEn: z.string() }),
  ),
});

function readJson<T>(schema: z.ZodType<T>, file: string): T {
  const parsed = schema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!parsed.success) {
    throw new Error(
      `${file} is not valid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  return parsed.data;
}

export interface LoadOptions {
  /** The region folder under regions/, e.g. "ijsselland"; absent → only the default lists. */
  region?: string | undefined;
  /** Demo accounts with the published demo password: never in production. */
  withDemoAccounts: boolean;
}

/**
 * Loads the default violence types and risk checklist and, when asked, a region with its municipalities and organisations, on a
 * database that has none yet. Idempotent: a database that has them is left alone.
 */
export async function loadRegion(db: Db, options: LoadOptions): Promise<{ loaded: boolean }> {
  const types = readJson(violenceTypesFileSchema, path.join(regionsDir, "violence-types.json"));
  const checklist = parseChecklist(
    JSON.parse(fs.readFileSync(path.join(regionsDir, "risk-checklist.json"), "utf8")),
  );
  const region = options.region
    ? readJson(regionFileSchema, path.join(regionsDir, options.region, "region.json"))
    : undefined;
  const accounts =
    options.region && options.withDemoAccounts
      ? readJson(accountsFileSchema, path.join(regionsDir, options.region, "demo-accounts.json"))
      : undefined;
  const passwordHash = accounts ? await hashPassword(accounts.password) : "";

  return db.transaction(async (tx) => {
    // Two servers starting together: the second waits here and then finds the data loaded.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727275)`);
    await tx
      .insert(violenceTypes)
      .values(
        types.violenceTypes.map((t, i) => ({ ...t, groupCode: t.group, sortOrder: i + 1, active: true })),
      )
      .onConflictDoNothing();
    await tx
      .insert(riskChecklists)
      .values({
        id: checklist.id,
        version: checklist.version,
        definition: checklist,
        active: true,
        createdAt: new Date(),
      })
      .onConflictDoNothing();
    const existing = await tx.select({ id: regions.id }).from(regions).limit(1);
    if (!region || existing.length > 0) {
      return { loaded: false };
    }
    await tx.insert(regions).values(region.region);
    await tx.insert(municipalities).values(
      region.municipalities.map((m) => ({
        ...m,
        regionId: region.region.id,
        isCentreMunicipality: m.code === region.centreMunicipalityCode,
      })),
    );
    await tx.insert(organisations).values(
      region.organisations.map((o) => ({
        id: o.id,
        regionId: region.region.id,
        name: o.name,
        kind: o.kind,
        municipalityCode: o.municipalityCode ?? null,
      })),
    );
    if (accounts) {
      const orgIds = new Map(region.organisations.map((o) => [o.key, o.id]));
      await tx.insert(users).values(
        accounts.accounts.map((a) => {
          const organisationId = orgIds.get(a.organisation);
          if (!organisationId) {
            throw new Error(`Demo account ${a.username} names an unknown organisation ${a.organisation}.`);
          }
          return {
            id: a.id,
            username: a.username,
            displayName: a.displayName,
            passwordHash,
            totpSecret: accounts.totpSecret,
            organisationId,
            roles: a.roles,
            active: true,
            createdAt: new Date(),
          };
        }),
      );
    }
    return { loaded: true };
  });
}
