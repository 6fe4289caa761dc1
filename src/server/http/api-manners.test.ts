import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestApp, type TestApp } from "../test-support/app.ts";

let t: TestApp;
let unguardedRouteError: unknown;
beforeAll(async () => {
  t = await createTestApp(
    {},
    {
      beforeReady(app) {
        try {
          app.get("/api/v1/forgotten", async () => "open to all");
        } catch (error) {
          unguardedRouteError = error;
        }
        app.get("/api/v1/test-failure", { config: { access: "public" } }, async () => {
          throw new Error("secret detail: Jansen, BSN 123456782");
        });
        app.post(
          "/api/v1/test-echo",
          {
            config: { access: "public" },
            schema: { body: z.strictObject({ name: z.string().max(5), age: z.number().int() }) },
          },
          async (request) => request.body,
        );
      },
    },
  );
});
afterAll(() => t.close());

describe("the API's manners", () => {
  it("answers unknown routes with a 404 problem", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/nothing-here" });
    expect(response.statusCode).toBe(404);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json()).toMatchObject({ status: 404, title: "Not found" });
  });

  it("answers 404 for a trailing slash instead of redirecting", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/health/" });
    expect(response.statusCode).toBe(404);
    expect(response.headers.location).toBeUndefined();
  });

  it("sends the full API version, no-store and the security headers", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/health" });
    expect(response.headers["api-version"]).toBe("1.0.0");
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(response.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(response.headers["x-frame-options"]).toBe("DENY");
    // HSTS only behind TLS.
    expect(response.headers["strict-transport-security"]).toBeUndefined();
  });

  it("reports the database in use on /health", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/health" });
    expect(response.json()).toEqual({
      status: "ok",
      database: process.env.DATABASE_URL ? "postgresql" : "pglite",
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  it("serves an OpenAPI 3.1 document without authentication, generated from the route schemas", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/openapi.json" });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: "/api/v1" }]);
    for (const path of ["/auth/login", "/auth/me", "/auth/logout", "/health", "/audit", "/audit/verify"]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.paths["/persons/{id}/access-report"]).toBeDefined();
    const login = doc.paths["/auth/login"].post.requestBody.content["application/json"].schema;
    expect(login.properties).toHaveProperty("totp");
    expect(login.additionalProperties).toBe(false);
    expect(doc.paths["/openapi.json"]).toBeUndefined();
  });

  it("lists every invalid field at once and rejects unknown ones", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/test-echo",
      payload: { name: "far too long", age: "x", extra: 1 },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.type).toMatch(/\/invalid-input$/);
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["(body)", "age", "name"]);
  });

  it("refuses control characters in text in the same 400 as the schema's own problems", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/test-echo",
      payload: { name: "a\u0000b", age: "x" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { path: "age", message: expect.any(String) },
      { path: "name", message: "contains a control character" },
    ]);
    const fine = await t.app.inject({
      method: "POST",
      url: "/api/v1/test-echo",
      payload: { name: "a\tb", age: 1 },
    });
    expect(fine.statusCode).toBe(200);
  });

  it("answers a malformed or overlong address with a problem that echoes nothing", async () => {
    for (const url of ["/api/v1/reports/%E0%A4%A", `/api/v1/reports/${"0".repeat(500)}`]) {
      const response = await t.app.inject({ method: "GET", url });
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect([400, 414]).toContain(response.statusCode);
      expect(response.body).not.toContain("%E0");
      expect(response.body).not.toContain("0000000000");
    }
  });

  it("answers 400 for a body that is not JSON, 415 for another media type, 413 when too large", async () => {
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/v1/test-echo",
      headers: { "content-type": "application/json" },
      payload: "{ not json",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toContain("application/problem+json");
    const media = await t.app.inject({
      method: "POST",
      url: "/api/v1/test-echo",
      headers: { "content-type": "text/plain" },
      payload: "name=x",
    });
    expect(media.statusCode).toBe(415);
    const large = await t.app.inject({
      method: "POST",
      url: "/api/v1/test-echo",
      payload: { name: "x".repeat(600_000), age: 1 },
    });
    expect(large.statusCode).toBe(413);
  });

  it("hides the details of an unexpected error and gives a reference instead", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/test-failure" });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain("Jansen");
    expect(response.body).not.toContain("123456782");
    expect(response.body).not.toContain("at ");
    expect(response.json().detail).toContain(response.json().detail.match(/[0-9a-f-]{36}/)?.[0]);
  });
});

describe("route registration", () => {
  it("refuses an API route that declares no access policy", () => {
    expect(String(unguardedRouteError)).toMatch(/GET \/api\/v1\/forgotten declares no access policy/);
    expect(t.app.apiRoutes.map((r) => r.url)).not.toContain("/api/v1/forgotten");
  });
});
