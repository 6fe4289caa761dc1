import { z } from "zod";
import { closureBlockerSchema } from "./closure.ts";

/** RFC 9457 problem details as Schakel answers them. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** Why a case cannot close (type closure-blocked). */
  reasons: z.array(closureBlockerSchema).optional(),
  /** When a follow-up opens for its outcome (type follow-up-not-yet-open). */
  opensOn: z.string().optional(),
});
export type Problem = z.infer<typeof problemSchema>;
