import type { LightMyRequestResponse } from "fastify";
import { buildApp } from "../app.ts";
import { totpForStep } from "../auth/totp.ts";
import { type Config, loadConfig } from "../config.ts";
import type { Database } from "../db/client.ts";
import type { App } from "../http/types.ts";
import { createTestDatabase } from "./database.ts";

export const demoPassword = "schakel-demo";
export const demoTotpSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A logged-in demo user, with helpers that send the cookie and CSRF token. */
export interface TestSession {
  username: string;
  userId: string;
  organisationId: string;
  cookie: string;
  csrfToken: string;
  request(
    method: Method,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: App;
  database: Database;
  config: Config;
  login(username: string): Promise<TestSession>;
  /** A TOTP code this account has not used yet in this app (codes are accepted once). */
  totp(username: string): Promise<string>;
  close(): Promise<void>;
}

/** The production app from buildApp() on a fresh test database with the demo region. */
export async function createTestApp(
  env: Record<string, string> = {},
  options: {
    beforeReady?: (app: App) => void;
    logger?: Parameters<typeof buildApp>[0]["logger"];
    /** Sees the text of every statement the app's database client sends. */
    onQuery?: (sql: string) => void;
  } = {},
): Promise<TestApp> {
  const testDb = await createTestDatabase({ onQuery: options.onQuery });
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", ...env });
  const app = await buildApp({
    config,
    database: testDb.database,
    logger: options.logger ?? false,
    webRoot: "/nonexistent",
  });
  options.beforeReady?.(app);
  await app.ready();

  // The server accepts each account's code once (RFC 6238 5.2), and the neighbouring steps for
  // clock drift: an account's first login takes the previous step's code (unless that step is
  // about to leave the window), each next login the following step, waiting when it is not yet
  // accepted. Three logins of one account fit in one window.
  const lastStep = new Map<string, number>();
  async function totp(username: string): Promise<string> {
    let current = Math.floor(Date.now() / 30_000);
    const msLeft = (current + 1) * 30_000 - Date.now();
    const first = msLeft > 2_000 ? current - 1 : current;
    const last = lastStep.get(username);
    const step = last === undefined ? first : Math.max(first, last + 1);
    while (step > current + 1) {
      await new Promise((resolve) => setTimeout(resolve, (current + 1) * 30_000 - Date.now() + 50));
      current = Math.floor(Date.now() / 30_000);
    }
    lastStep.set(username, step);
    return totpForStep(demoTotpSecret, step);
  }

  async function login(username: string): Promise<TestSession> {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username, password: demoPassword, totp: await totp(username) },
    });
    if (response.statusCode !== 200) {
      throw new Error(`login as ${username} failed: ${response.statusCode} ${response.body}`);
    }
    const body = response.json() as { user: { id: string; organisationId: string }; csrfToken: string };
    const sessionCookie = response.cookies.find((c) => c.name === "schakel_session");
    if (!sessionCookie) {
      throw new Error("login set no session cookie");
    }
    const cookie = `schakel_session=${sessionCookie.value}`;
    const request: TestSession["request"] = (method, url, payload, headers = {}) =>
      app.inject({
        method,
        url,
        headers: { cookie, "x-csrf-token": body.csrfToken, ...headers },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    return {
      username,
      userId: body.user.id,
      organisationId: body.user.organisationId,
      cookie,
      csrfToken: body.csrfToken,
      request,
      get: (url) => request("GET", url),
      post: (url, payload) => request("POST", url, payload),
    };
  }

  return {
    app,
    database: testDb.database,
    config,
    login,
    totp,
    async close() {
      await app.close();
      await testDb.dispose();
    },
  };
}
