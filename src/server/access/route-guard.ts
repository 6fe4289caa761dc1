import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Role } from "../../shared/auth.ts";
import { recordDeniedAccess } from "../audit/denied.ts";
import { findSession, type SessionTimeouts, sessionCookieName } from "../auth/sessions.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { decideRole, type RouteAccess } from "./policy.ts";
import type { Actor, Principal } from "./principal.ts";

/** What the guard established for a request: who, under which role, as the audit log sees it. */
export interface RequestAccess {
  principal: Principal;
  role: Role;
  actor: Actor;
}

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    access: RequestAccess | null;
  }
  interface FastifyInstance {
    /**
     * Every API route with its declared access and its body schema, for the access-matrix and
     * fuzz tests and the docs.
     */
    apiRoutes: { method: string; url: string; access: RouteAccess; bodySchema?: unknown }[];
  }
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Every API route must say who may call it; registering one that does not stops the app. */
export function assertRouteDeclaresAccess(route: {
  method: string | string[];
  url: string;
  config?: unknown;
}): void {
  const config = route.config as { access?: RouteAccess } | undefined;
  if (route.url.startsWith("/api/") && !config?.access) {
    throw new Error(`Route ${String(route.method)} ${route.url} declares no access policy (config.access).`);
  }
}

/**
 * Authenticates, checks the role against the policy and the CSRF token, before validation: a
 * caller without a session learns nothing about a route's input.
 */
export function registerRouteGuard(app: FastifyInstance, deps: { db: Db; timeouts: SessionTimeouts }): void {
  app.decorateRequest("access", null);
  const apiRoutes: FastifyInstance["apiRoutes"] = [];
  app.decorate("apiRoutes", apiRoutes);
  app.addHook("onRoute", (route) => {
    assertRouteDeclaresAccess(route);
    const access = route.config?.access;
    if (access && route.url.startsWith("/api/")) {
      for (const method of [route.method].flat()) {
        if (method !== "HEAD") {
          apiRoutes.push({
            method,
            url: route.url,
            access,
            ...(route.schema?.body ? { bodySchema: route.schema.body } : {}),
          });
        }
      }
    }
  });
  app.addHook("preValidation", async (request: FastifyRequest) => {
    const access = request.routeOptions.config.access;
    if (!access || access === "public") {
      return;
    }
    const token = request.cookies[sessionCookieName];
    const principal = token ? await findSession(deps.db, token, deps.timeouts) : null;
    if (!principal) {
      throw new AppError("UNAUTHENTICATED", "Log in first; the session is missing or has expired.");
    }
    const decision = decideRole(principal, access.action);
    if (!decision.allowed) {
      await recordDeniedAccess(
        deps.db,
        request,
        actorOf(request, principal, principal.roles[0] ?? null),
        "role",
      );
      throw new AppError("FORBIDDEN", "Your role does not allow this action.");
    }
    if (!safeMethods.has(request.method)) {
      const sent = request.headers["x-csrf-token"];
      if (typeof sent !== "string" || !sameToken(sent, principal.csrfToken)) {
        throw new AppError("FORBIDDEN", "The X-CSRF-Token header is missing or wrong.", { type: "csrf" });
      }
    }
    request.access = {
      principal,
      role: decision.role,
      actor: actorOf(request, principal, decision.role),
    };
  });
}

const actorOf = (request: FastifyRequest, principal: Principal, role: Role | null): Actor => ({
  userId: principal.userId,
  role,
  organisationId: principal.organisationId,
  remoteAddress: request.ip,
  requestId: request.id,
});

/** The access the guard established; routes with a declared action always have one. */
export function accessOf(request: FastifyRequest): RequestAccess {
  if (!request.access) {
    throw new Error("accessOf() called on a route without an authenticated access declaration");
  }
  return request.access;
}

/** The actor for public routes (no user). */
export const anonymousActor = (request: FastifyRequest): Actor => ({
  userId: null,
  role: null,
  organisationId: null,
  remoteAddress: request.ip,
  requestId: request.id,
});
