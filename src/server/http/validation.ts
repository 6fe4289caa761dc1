import type { FastifySchemaCompiler } from "fastify";
import type { z } from "zod";
import { controlCharacterMessage, forbiddenCharacters } from "../../shared/bounds.ts";

/**
 * Characters no text may hold (src/shared/bounds.ts): PostgreSQL refuses NUL in text and invalid
 * UTF-8 outright — unchecked they surface as a 500 after the transaction began — and the others
 * only serve to confuse logs, exports and screens. Checked here on every string of every request
 * part, so a field a schema forgot is covered too.
 */
const forbiddenText = forbiddenCharacters;

type Issue = { path: PropertyKey[]; message: string };

/** The validation result Fastify expects (Ajv's shape); problems.ts turns it into the 400. */
export interface ValidationIssue {
  instancePath: string;
  message: string;
}

/** Every place in a parsed request part where a key or a string holds a forbidden character. */
export function forbiddenTextIssues(value: unknown, path: PropertyKey[] = []): Issue[] {
  if (typeof value === "string") {
    return forbiddenText.test(value) ? [{ path, message: controlCharacterMessage }] : [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => forbiddenTextIssues(item, [...path, i]));
  }
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) =>
      forbiddenText.test(key)
        ? [{ path: [...path], message: "has a field name with a control character" }]
        : forbiddenTextIssues(item, [...path, key]),
    );
  }
  return [];
}

/**
 * The issue as the caller may see it: nothing of what was sent. Zod names the unknown keys of a
 * strict object in its message and the refused key of a record in its path; both are the
 * caller's text (a name, a script), so they are left out.
 */
function withoutEcho(issue: z.core.$ZodIssue): Issue {
  if (issue.code === "unrecognized_keys") {
    return {
      path: issue.path,
      message:
        issue.keys.length === 1 ? "has a field that is not allowed" : "has fields that are not allowed",
    };
  }
  if (issue.code === "invalid_key") {
    return { path: issue.path.slice(0, -1), message: "has a field name that is not allowed" };
  }
  return issue;
}

/**
 * The validator of every route: the route's Zod schema, plus the text check above on every part of
 * the request, so that all problems come in one 400 and no route can forget the check.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data);
    const schemaIssues = result.error?.issues ?? [];
    // A field the schema already refused (its own text rule, say) is listed once.
    const refused = new Set(schemaIssues.map((issue) => issue.path.map(String).join(".")));
    // A field the schema does not know is refused as such; its name (the caller's text) is no path.
    const unknown = schemaIssues.flatMap((issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => [...issue.path, key].map(String).join("."))
        : [],
    );
    const textIssues = forbiddenTextIssues(data).filter((issue) => {
      const path = issue.path.map(String).join(".");
      return !refused.has(path) && !unknown.some((u) => path === u || path.startsWith(`${u}.`));
    });
    // One problem per field: text too long and holding a NUL is said once, the first way.
    const issues: Issue[] = [];
    const seen = new Set<string>();
    for (const issue of [...schemaIssues.map(withoutEcho), ...textIssues]) {
      const path = issue.path.map(String).join(".");
      if (!seen.has(path)) {
        seen.add(path);
        issues.push(issue);
      }
    }
    if (issues.length > 0) {
      const validation: ValidationIssue[] = issues.map((issue) => ({
        instancePath: issue.path.map((p) => `/${String(p)}`).join(""),
        message: issue.message,
      }));
      // Fastify's own validation-error path: statusCode 400, code FST_ERR_VALIDATION, .validation.
      return { error: Object.assign(new Error("validation failed"), { validation }) };
    }
    return { value: result.data };
  };
