import { z } from "zod";
import { personSearchHitSchema, personSearchSchema } from "../../shared/person-search.ts";
import { isCentreOf } from "../access/policy.ts";
import { accessOf } from "../access/route-guard.ts";
import { auditedTransaction } from "../audit/audited-transaction.ts";
import { decodeCursor, encodeCursor, pageSchema } from "../http/pagination.ts";
import type { App, RouteDeps } from "../http/types.ts";
import { searchPersons } from "./search-persons.ts";

const offsetCursor = z.object({ offset: z.number().int().min(0).max(100_000) });

/** Searching persons and their households within need to know. */
export function registerPersonSearchRoutes(app: App, { database }: RouteDeps): void {
  const { db } = database;

  app.post(
    "/persons/search",
    {
      config: { access: { action: "person.search" } },
      schema: {
        tags: ["persons"],
        summary:
          "Search persons by name and/or birth date among those the caller's organisation may know: persons of cases it is involved in now and, for the centre, of reports in its intake queue",
        description:
          "POST, so that a name is never in a URL. Nothing outside the caller's need to know is counted or returned.",
        body: personSearchSchema,
        response: { 200: pageSchema(personSearchHitSchema) },
      },
    },
    async (request) => {
      const { principal, actor, role } = accessOf(request);
      const { name, birthDate, limit, cursor } = request.body;
      const offset = decodeCursor(cursor, offsetCursor)?.offset ?? 0;
      const isCentre = isCentreOf(principal, principal.regionId);
      return auditedTransaction(db, actor, async ({ tx, audit }) => {
        const { hits, more } = await searchPersons(
          tx,
          { organisationId: principal.organisationId, intakeRegionId: isCentre ? principal.regionId : null },
          { name, birthDate },
          offset,
          limit,
        );
        // The search itself and every person it showed; the search terms are not logged.
        audit({
          action: "person.search",
          subjectType: "person-search",
          personIds: hits.map((hit) => hit.personId),
          ground: isCentre
            ? `role: ${role}, cases of own organisation and the intake queue`
            : `role: ${role}, cases of own organisation`,
        });
        return { items: hits, nextCursor: more ? encodeCursor({ offset: offset + limit }) : null };
      });
    },
  );
}
