import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyServerOptions } from "fastify";
import { serializerCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { registerRouteGuard } from "./access/route-guard.ts";
import { registerDeniedAccessLog } from "./audit/denied.ts";
import { registerAuditRoutes } from "./audit/routes.ts";
import { registerAuthRoutes } from "./auth/routes.ts";
import { registerClosureRoutes } from "./cases/closure-routes.ts";
import { registerHandoverRoutes } from "./cases/handover-routes.ts";
import { registerHelpRoutes } from "./cases/help-routes.ts";
import { registerMeasureRoutes } from "./cases/measures/routes.ts";
import { registerNetworkRoutes } from "./cases/network/routes.ts";
import { registerSafetyPlanRoutes } from "./cases/plan-routes.ts";
import { registerCaseRoutes } from "./cases/routes.ts";
import { registerCaseWorkRoutes } from "./cases/work-routes.ts";
import { registerWorklistRoutes } from "./cases/worklist-routes.ts";
import { registerCentreWorkRoutes } from "./centre-work/routes.ts";
import type { Config } from "./config.ts";
import type { Database } from "./db/client.ts";
import { registerHealthRoutes } from "./health/routes.ts";
import { registerIdCanonicalisation } from "./http/canonical-ids.ts";
import { loggerOptions } from "./http/logging.ts";
import { registerOpenApi } from "./http/openapi.ts";
import { handleError, problem, sendProblem } from "./http/problems.ts";
import { withReferenceChecks } from "./http/reference-checks.ts";
import type { App, RouteDeps } from "./http/types.ts";
import { validatorCompiler } from "./http/validation.ts";
import { registerHouseholdRoutes } from "./intake/household/routes.ts";
import { registerPoliceIntakeRoutes } from "./intake/police-routes.ts";
import { registerPublicIntakeRoutes } from "./intake/public-routes.ts";
import { registerIntakeRoutes } from "./intake/routes.ts";
import { registerJournalRoutes } from "./journal/routes.ts";
import { registerPersonSearchRoutes } from "./person-search/routes.ts";
import { registerReferenceRoutes } from "./reference/routes.ts";
import { apiVersion } from "./version.ts";

export const defaultWebRoot = path.resolve(import.meta.dirname, "../../dist/web");

export interface AppDeps {
  config: Config;
  database: Database;
  /** Pino options, a pino-compatible logger stream setup, or false (tests). */
  logger?: FastifyServerOptions["logger"];
  /** The built web app; served when it exists. */
  webRoot?: string;
}

/** The whole Schakel HTTP application, without listening: tests drive it with inject(). */
export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, database } = deps;
  const app = Fastify({
    logger: deps.logger ?? loggerOptions(config.logLevel),
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: 512 * 1024,
    routerOptions: { ignoreTrailingSlash: false, ignoreDuplicateSlashes: false },
    // A malformed or overlong URL is refused before routing; answer it as every other refusal.
    frameworkErrors: (error, _request, reply) =>
      sendProblem(reply, problem(error.statusCode ?? 400, "The address of the request is malformed.")),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  // JSON only: a text/plain body is what a cross-site form can send without a CORS preflight.
  app.removeContentTypeParser("text/plain");

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: config.behindTls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "no-referrer" },
    frameguard: { action: "deny" },
  });
  await app.register(cookie);
  // Only routes that ask for it (the public form) are rate limited; login has its own throttle.
  await app.register(rateLimit, { global: false });

  app.addHook("onSend", async (request, reply) => {
    if (request.url.startsWith("/api/")) {
      reply.header("API-Version", apiVersion);
      // Most answers carry personal data; no answer of the API may be cached.
      reply.header("Cache-Control", "no-store");
    }
  });

  registerIdCanonicalisation(app);
  registerRouteGuard(app, { db: database.db, timeouts: config.session });
  app.addHook("onRoute", (route) =>
    withReferenceChecks(route, database.db, (request) => request.access?.principal.regionId),
  );
  registerDeniedAccessLog(app, database.db);
  await registerOpenApi(app);

  const routeDeps: RouteDeps = { config, database };
  await app.register(
    async (api) => {
      const typed = api.withTypeProvider<ZodTypeProvider>();
      registerHealthRoutes(typed, routeDeps);
      registerReferenceRoutes(typed, routeDeps);
      registerAuthRoutes(typed, routeDeps);
      registerAuditRoutes(typed, routeDeps);
      registerIntakeRoutes(typed, routeDeps);
      registerPublicIntakeRoutes(typed, routeDeps);
      registerHouseholdRoutes(typed, routeDeps);
      registerPoliceIntakeRoutes(typed, routeDeps);
      registerCaseRoutes(typed, routeDeps);
      registerSafetyPlanRoutes(typed, routeDeps);
      registerCaseWorkRoutes(typed, routeDeps);
      registerHandoverRoutes(typed, routeDeps);
      registerClosureRoutes(typed, routeDeps);
      registerHelpRoutes(typed, routeDeps);
      registerMeasureRoutes(typed, routeDeps);
      registerWorklistRoutes(typed, routeDeps);
      registerJournalRoutes(typed, routeDeps);
      registerPersonSearchRoutes(typed, routeDeps);
      registerCentreWorkRoutes(typed, routeDeps);
      registerNetworkRoutes(typed, routeDeps);
      typed.get("/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () =>
        app.swagger(),
      );
    },
    { prefix: "/api/v1" },
  );

  const webRoot = deps.webRoot ?? defaultWebRoot;
  const indexHtml = path.join(webRoot, "index.html");
  const hasWeb = fs.existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webRoot, prefix: "/", wildcard: false, index: false });
  }

  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === "GET" &&
      !request.url.startsWith("/api/") &&
      !path.extname(request.url.split("?")[0] ?? "");
    if (hasWeb && isPage) {
      // The web app routes on the client: every page path gets its shell.
      return reply.type("text/html").header("Cache-Control", "no-cache").send(fs.createReadStream(indexHtml));
    }
    return sendProblem(reply, problem(404, "There is nothing at this address."));
  });

  return app;
}
