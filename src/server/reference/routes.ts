import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { municipalitySchema, organisationSchema, violenceTypeSchema } from "../../shared/reference.ts";
import { municipalities, organisations, violenceTypes } from "../db/schema.ts";
import type { App, RouteDeps } from "../http/types.ts";

// Reference data is public knowledge (which municipalities and organisations take part, which
// categories exist): the public form and the route map need it without an account.
export function registerReferenceRoutes(app: App, { database }: RouteDeps): void {
  const { db } = database;

  app.get(
    "/municipalities",
    {
      config: { access: "public" },
      schema: {
        tags: ["reference"],
        summary: "The region's municipalities (gemeenten) with their CBS codes",
        response: { 200: z.array(municipalitySchema) },
      },
    },
    () =>
      db
        .select({
          code: municipalities.code,
          name: municipalities.name,
          inhabitants: municipalities.inhabitants,
        })
        .from(municipalities)
        .orderBy(asc(municipalities.name)),
  );

  app.get(
    "/organisations",
    {
      config: { access: "public" },
      schema: {
        tags: ["reference"],
        summary: "The organisations in the chain (Veilig Thuis, lokale teams, opvang, politie, …)",
        response: { 200: z.array(organisationSchema) },
      },
    },
    async () => {
      const rows = await db.select().from(organisations).orderBy(asc(organisations.name));
      return rows.map((o) => ({
        id: o.id,
        name: o.name,
        kind: o.kind as z.infer<typeof organisationSchema>["kind"],
        ...(o.municipalityCode ? { municipalityCode: o.municipalityCode } : {}),
      }));
    },
  );

  app.get(
    "/violence-types",
    {
      config: { access: "public" },
      schema: {
        tags: ["reference"],
        summary: "The configured violence types (geweldsvormen); label in Dutch, labels in both languages",
        response: {
          200: z.array(violenceTypeSchema.extend({ labels: z.object({ nl: z.string(), en: z.string() }) })),
        },
      },
    },
    async () => {
      const rows = await db
        .select()
        .from(violenceTypes)
        .where(eq(violenceTypes.active, true))
        .orderBy(asc(violenceTypes.sortOrder));
      return rows.map((t) => ({
        code: t.code,
        label: t.labelNl,
        group: t.groupCode,
        labels: { nl: t.labelNl, en: t.labelEn },
      }));
    },
  );
}
