import { and, eq, inArray } from "drizzle-orm";
import type { FastifyError, FastifyRequest, RouteOptions } from "fastify";
import type { Db } from "../db/client.ts";
import { municipalities, organisations, violenceTypes } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { type FieldError, validationErrorsOf } from "./problems.ts";

/** What a field names in the reference data, which must exist for the request to be valid. */
export type ReferenceKind = "municipality" | "violenceType" | "organisation";

/**
 * The fields of a route's body that name reference data, by dotted path; `*` stands for every item
 * of an array (`violenceTypes.*`, `plan.agreements.*.ownerOrganisationId`).
 */
export type ReferenceFields = Record<string, ReferenceKind>;

declare module "fastify" {
  interface FastifyContextConfig {
    /** Checked after the schema, and reported in the same 400 as its problems. */
    references?: ReferenceFields;
  }
}

/** The shape a value must have before it is looked up (a uuid column refuses anything else with an error). */
const shapes: Record<ReferenceKind, RegExp> = {
  municipality: /^GM\d{4}$/,
  violenceType: /^[a-z0-9][a-z0-9-]{0,59}$/,
  organisation: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
};

const messages: Record<ReferenceKind, string> = {
  municipality: "not a municipality of this region",
  violenceType: "not a configured violence type",
  organisation: "not an organisation of this region",
};

/** Every value at a dotted path with `*` wildcards, with its concrete path. */
export function valuesAt(
  value: unknown,
  pattern: string[],
  path: string[] = [],
): { path: string; value: unknown }[] {
  const [head, ...rest] = pattern;
  if (head === undefined) {
    return [{ path: path.join("."), value }];
  }
  if (head === "*") {
    return Array.isArray(value) ? value.flatMap((item, i) => valuesAt(item, rest, [...path, String(i)])) : [];
  }
  if (value && typeof value === "object" && !Array.isArray(value) && Object.hasOwn(value, head)) {
    return valuesAt((value as Record<string, unknown>)[head], rest, [...path, head]);
  }
  return [];
}

/** The values that name nothing in the reference data of the caller's region (any region for the public). */
export async function referenceProblems(
  db: Db,
  fields: ReferenceFields,
  body: unknown,
  regionId: string | undefined,
  alreadyRefused: ReadonlySet<string> = new Set(),
): Promise<FieldError[]> {
  const wanted = Object.entries(fields).flatMap(([pattern, kind]) =>
    valuesAt(body, pattern.split("."))
      .filter(
        (found): found is { path: string; value: string } =>
          typeof found.value === "string" &&
          shapes[kind].test(found.value) &&
          !alreadyRefused.has(found.path),
      )
      .map((found) => ({ ...found, kind })),
  );
  const of = (kind: ReferenceKind) => [...new Set(wanted.filter((w) => w.kind === kind).map((w) => w.value))];
  const known = new Set<string>();
  const municipalityCodes = of("municipality");
  if (municipalityCodes.length > 0) {
    const rows = await db
      .select({ code: municipalities.code })
      .from(municipalities)
      .where(
        and(
          inArray(municipalities.code, municipalityCodes),
          regionId ? eq(municipalities.regionId, regionId) : undefined,
        ),
      );
    for (const row of rows) {
      known.add(`municipality:${row.code}`);
    }
  }
  const violenceTypeCodes = of("violenceType");
  if (violenceTypeCodes.length > 0) {
    const rows = await db
      .select({ code: violenceTypes.code })
      .from(violenceTypes)
      .where(and(inArray(violenceTypes.code, violenceTypeCodes), eq(violenceTypes.active, true)));
    for (const row of rows) {
      known.add(`violenceType:${row.code}`);
    }
  }
  const organisationIds = of("organisation").map((id) => id.toLowerCase());
  if (organisationIds.length > 0) {
    const rows = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        and(
          inArray(organisations.id, organisationIds),
          regionId ? eq(organisations.regionId, regionId) : undefined,
        ),
      );
    for (const row of rows) {
      known.add(`organisation:${row.id}`);
    }
  }
  return wanted
    .filter((w) => !known.has(`${w.kind}:${w.kind === "organisation" ? w.value.toLowerCase() : w.value}`))
    .map((w) => ({ path: w.path, message: messages[w.kind] }));
}

/**
 * Routes that declare `config.references` keep their schema problems until the reference data is
 * checked too, so a body with a bad date and an unknown municipality gets one 400 naming both.
 * A body without schema problems is checked by the service, inside its transaction and after the
 * subject check, with its own rules on top (region, eligibility) — again in one 400 for all.
 */
export function withReferenceChecks(
  route: RouteOptions,
  db: Db,
  regionOf: (request: FastifyRequest) => string | undefined,
): void {
  const fields = route.config?.references;
  if (!fields) {
    return;
  }
  route.attachValidation = true;
  const check = async (request: FastifyRequest) => {
    const validationError = (request as FastifyRequest & { validationError?: FastifyError }).validationError;
    if (!validationError) {
      // A valid body goes on to the handler: whether the caller may see the subject (404) and may
      // act on it (403) is decided first, and the service checks the references after that.
      return;
    }
    const schemaErrors = validationErrorsOf(validationError);
    const refused = new Set(schemaErrors.map((e) => e.path));
    const body = request.body;
    const referenceErrors = await referenceProblems(db, fields, body, regionOf(request), refused);
    const errors = [...schemaErrors, ...referenceErrors];
    if (errors.length > 0) {
      throw new AppError(
        "INVALID_INPUT",
        `The request has ${errors.length} invalid field${errors.length === 1 ? "" : "s"}.`,
        { errors },
      );
    }
  };
  const existing = route.preHandler;
  route.preHandler = [
    check,
    ...(existing === undefined ? [] : Array.isArray(existing) ? existing : [existing]),
  ];
}
