import { z } from "zod";

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  minLength?: number;
  maxLength?: number;
};

/**
 * A plausible value for a route's body schema, for the fuzz test to mutate: every property
 * present, the first enum value, dates and ids of the right form. It need not pass the route's
 * refinements — the fuzz test only needs the shape, so that each leaf can be replaced in turn.
 */
export function sampleFromSchema(schema: unknown, ids: { uuid: string }): unknown {
  if (!(schema instanceof z.ZodType)) {
    return undefined;
  }
  return sample(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema, ids.uuid);
}

function sample(s: JsonSchema, uuid: string): unknown {
  if (s.const !== undefined) {
    return s.const;
  }
  if (s.enum?.length) {
    return s.enum[0];
  }
  const branch = s.anyOf?.[0] ?? s.oneOf?.[0] ?? s.allOf?.[0];
  if (branch) {
    return sample(branch, uuid);
  }
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  switch (type) {
    case "object":
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, sample(v, uuid)]));
    case "array":
      return s.items ? [sample(s.items, uuid)] : [];
    case "integer":
    case "number":
      return s.minimum ?? 1;
    case "boolean":
      return false;
    case "string":
      return sampleString(s, uuid);
    default:
      return "voorbeeld";
  }
}

function sampleString(s: JsonSchema, uuid: string): string {
  switch (s.format) {
    case "uuid":
      return uuid;
    case "date":
      return "2026-11-20";
    case "date-time":
      return "2026-11-20T10:00:00Z";
    case "email":
      return "iemand@example.org";
    default:
      if (s.pattern?.includes("GM")) {
        return "GM0193";
      }
      return "Voorbeeldtekst".slice(0, Math.max(s.maxLength ?? 14, s.minLength ?? 1));
  }
}
