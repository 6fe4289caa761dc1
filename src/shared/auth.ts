import { z } from "zod";
import { exactText, line } from "./bounds.ts";

/** The roles of API.md; a user may hold more than one. */
export const roles = [
  "intake-worker",
  "case-worker",
  "chain-partner",
  "policy-officer",
  "privacy-officer",
  "administrator",
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const loginRequestSchema = z.strictObject({
  username: line(100).min(1),
  password: exactText(200).min(1),
  totp: z
    .string()
    .regex(/^\d{6}$/, "a code of six digits")
    .optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  organisationId: z.uuid(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/**
 * How long the session lasts, so that the web app can warn before it ends. Every request that uses
 * the session starts the idle time again; the absolute end stays where it is.
 */
export const sessionTimingSchema = z.object({
  idleTimeoutSeconds: z.number().int().positive().describe("a session unused this long ends"),
  expiresAt: z.iso.datetime().describe("the absolute end of the session, however much it is used"),
  expiresInSeconds: z.number().int().nonnegative().describe("seconds from this answer to expiresAt"),
});
export type SessionTiming = z.infer<typeof sessionTimingSchema>;

export const sessionResponseSchema = z.object({
  user: sessionUserSchema,
  csrfToken: z.string(),
  session: sessionTimingSchema,
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** Problem types the web app reacts to; the full URI ends with these. */
export const problemTypes = {
  totpRequired: "/totp-required",
  totpInvalid: "/totp-invalid",
  tooManyAttempts: "/too-many-attempts",
  invalidCredentials: "/invalid-credentials",
} as const;

/**
 * How stale the recorded last use of a session may get before a request writes it again: a tenth
 * of the idle timeout, at most a minute, so that reads rarely become writes and yet a session in
 * use never runs out, however short the timeout. After any request the session lasts at least
 * the idle timeout less this slack.
 */
export function sessionTouchSlackSeconds(idleTimeoutSeconds: number): number {
  return Math.min(60, idleTimeoutSeconds / 10);
}
