import swagger from "@fastify/swagger";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import { apiVersion } from "../version.ts";
import type { App } from "./types.ts";

const description = `Schakel: the shared work system of a region's approach to domestic violence and child abuse.

Resource names are English for reuse outside the Netherlands (a documented deviation from the NLGov
REST API Design Rules); the Dutch terms: report = melding, advice request = adviesvraag, reporter =
melder, safety assessment = veiligheidsbeoordeling, safety plan = veiligheidsplan, case director =
casusregisseur, local team = lokaal team, handover = overdracht, follow-up = nazorg/monitoring,
restraining order = tijdelijk huisverbod, shelter = opvang, the centre = Veilig Thuis.

Errors are application/problem+json (RFC 9457). A resource the caller may not see answers 404.
Mutations in a cookie session need the X-CSRF-Token header from the login response.`;

export async function registerOpenApi(app: App): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "Schakel API", version: apiVersion, description, license: { name: "EUPL-1.2" } },
      servers: [{ url: "/api/v1" }],
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "schakel_session" },
          csrf: { type: "apiKey", in: "header", name: "X-CSRF-Token" },
        },
      },
    },
    transform: (input) => {
      const result = jsonSchemaTransform(input);
      // The document lists paths relative to the server URL /api/v1.
      return { ...result, url: input.url.replace(/^\/api\/v1/, "") };
    },
  });
}
