import type { FastifyReply } from "fastify";
import { z } from "zod";
import { loginRequestSchema, type SessionResponse, sessionResponseSchema } from "../../shared/auth.ts";
import type { Principal } from "../access/principal.ts";
import { accessOf } from "../access/route-guard.ts";
import { auditedTransaction } from "../audit/audited-transaction.ts";
import type { App, RouteDeps } from "../http/types.ts";
import { login } from "./login.ts";
import { revokeSession, sessionCookieName } from "./sessions.ts";

const present = (p: Principal): SessionResponse => ({
  user: {
    id: p.userId,
    username: p.username,
    displayName: p.displayName,
    roles: p.roles,
    organisationId: p.organisationId,
  },
  csrfToken: p.csrfToken,
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
      return present(result.principal);
    },
  );

  app.get(
    "/auth/me",
    {
      config: { access: { action: "session.read" } },
      schema: { tags: ["auth"], summary: "The logged-in user", response: { 200: sessionResponseSchema } },
    },
    async (request) => present(accessOf(request).principal),
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
