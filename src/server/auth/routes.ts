import type { FastifyReply } from "fastify";
import { z } from "zod";
import { loginRequestSchema, type SessionResponse, sessionResponseSchema } from "../../shared/auth.ts";
import type { Principal } from "../access/principal.ts";
import { accessOf } from "../access/route-guard.ts";
import { auditedTransaction } from "../audit/audited-transaction.ts";
import { AppError } from "../errors.ts";
import type { App, RouteDeps } from "../http/types.ts";
import { login } from "./login.ts";
import { revokeSession, type SessionTimeouts, sessionCookieName, touchSession } from "./sessions.ts";

const present = (p: Principal, timeouts: SessionTimeouts, expiresAt: Date, now: Date): SessionResponse => ({
  user: {
    id: p.userId,
    username: p.username,
    displayName: p.displayName,
    roles: p.roles,
    organisationId: p.organisationId,
  },
  csrfToken: p.csrfToken,
  session: {
    idleTimeoutSeconds: Math.round(timeouts.idleMinutes * 60),
    expiresAt: expiresAt.toISOString(),
    expiresInSeconds: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  },
});

export function registerAuthRoutes(app: App, { config, database }: RouteDeps): void {
  const cookieOptions = {
    httpOnly: true,
    sameSite: "strict",
    secure: config.behindTls,
    path: "/",
  } as const;

  app.post(
    "/auth/login",
    {
      config: { access: "public" },
      schema: {
        tags: ["auth"],
        summary: "Log in with username, password and the TOTP code (second factor)",
        body: loginRequestSchema,
        response: { 200: sessionResponseSchema },
      },
    },
    async (request, reply) => {
      const result = await login(
        { db: database.db, timeouts: config.session, limits: config.loginThrottle },
        request.body,
        request.ip,
        request.id,
      );
      reply.setCookie(sessionCookieName, result.token, cookieOptions);
      return present(result.principal, config.session, result.expiresAt, new Date());
    },
  );

  app.get(
    "/auth/me",
    {
      config: { access: { action: "session.read" } },
      schema: {
        tags: ["auth"],
        summary: "The logged-in user; starts the session's idle time again (stay logged in)",
        response: { 200: sessionResponseSchema },
      },
    },
    async (request) => {
      const { principal } = accessOf(request);
      const now = new Date();
      const expiresAt = await touchSession(database.db, principal.sessionId, now);
      if (expiresAt === null) {
        throw new AppError("UNAUTHENTICATED", "Log in first; the session is missing or has expired.");
      }
      return present(principal, config.session, expiresAt, now);
    },
  );

  app.post(
    "/auth/logout",
    {
      config: { access: { action: "session.end" } },
      schema: { tags: ["auth"], summary: "End the session", response: { 204: z.null() } },
    },
    async (request, reply: FastifyReply) => {
      const { principal, actor } = accessOf(request);
      await auditedTransaction(database.db, actor, async ({ tx, audit }) => {
        await revokeSession(tx, principal.sessionId);
        audit({ action: "auth.logout", subjectType: "session" });
      });
      reply.clearCookie(sessionCookieName, cookieOptions);
      return reply.code(204).send(null);
    },
  );
}
