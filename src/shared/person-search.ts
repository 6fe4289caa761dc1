import { z } from "zod";
import { birthDate, line, token } from "./bounds.ts";

/**
 * A search for persons by name and/or birth date. POST only: a name is never in a URL. At least
 * one of the two is needed; a name needs two letters.
 */
export const personSearchSchema = z
  .strictObject({
    name: line(200)
      .min(2)
      .refine((value) => /\p{L}/u.test(value), "needs at least one letter")
      .optional(),
    birthDate: birthDate().optional(),
    limit: z.number().int().min(1).max(50).default(20),
    cursor: token(300).optional(),
  })
  .refine((search) => search.name !== undefined || search.birthDate !== undefined, {
    message: "give a name, a birth date or both",
    path: ["name"],
  });
export type PersonSearch = z.input<typeof personSearchSchema>;

export const personSearchHitSchema = z.object({
  personId: z.uuid(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  birthDate: z.iso.date().optional(),
  cases: z
    .array(
      z.object({
        caseId: z.uuid(),
        reference: z.string(),
        status: z.enum(["open", "closed"]),
        role: z.string(),
      }),
    )
    .describe(
      "the households (cases) the person belongs to that the caller's organisation is involved in now",
    ),
  reports: z
    .array(z.object({ reportId: z.uuid(), reference: z.string(), receivedAt: z.iso.datetime() }))
    .describe("for the centre: reports in its intake queue that name the person"),
});
export type PersonSearchHit = z.infer<typeof personSearchHitSchema>;
