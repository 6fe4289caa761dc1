import { readFileSync } from "node:fs";
import path from "node:path";
import { generate } from "otplib";
import { repoRoot } from "./server.ts";

const demoAccountsFile = path.join(repoRoot, "regions/ijsselland/demo-accounts.json");

export interface LoggedIn {
  /** The raw session token (the cookie's value); the database stores only its hash. */
  token: string;
  cookie: string;
  csrfToken: string;
}

/**
 * Logs in once as a demo account with password and TOTP. Login is throttled and audited, so the
 * bench reuses this one session for every request rather than logging in per connection.
 */
export async function loginAsDemoUser(baseUrl: string, username = "intake"): Promise<LoggedIn> {
  const demo = JSON.parse(readFileSync(demoAccountsFile, "utf8")) as { password: string; totpSecret: string };
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      username,
      password: demo.password,
      totp: await generate({ secret: demo.totpSecret }),
    }),
  });
  if (response.status !== 200) {
    throw new Error(`login as ${username} failed: ${response.status} ${await response.text()}`);
  }
  const body = (await response.json()) as { csrfToken: string };
  const sessionCookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0] ?? "")
    .find((pair) => pair.startsWith("schakel_session="));
  if (!sessionCookie) {
    throw new Error("login set no schakel_session cookie");
  }
  return {
    token: sessionCookie.slice("schakel_session=".length),
    cookie: sessionCookie,
    csrfToken: body.csrfToken,
  };
}
