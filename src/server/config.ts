import path from "node:path";
import { z } from "zod";

const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  SCHAKEL_DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" })
    .optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Minutes; a fraction (at least a quarter) lets a test watch a session expire. */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .min(0.25)
    .max(24 * 60)
    .default(15),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(10),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  LOGIN_BLOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Reports one address may send through the public form per hour. */
  PUBLIC_FORM_MAX_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(10),
  /** The largest document the case journal accepts, in bytes (default 10 MB). */
  JOURNAL_UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  /** Set when Schakel runs behind TLS: secure cookies and HSTS. */
  BEHIND_TLS: booleanFlag.optional(),
  /** Trust X-Forwarded-For from a reverse proxy (for the remote address in the audit log). */
  TRUST_PROXY: booleanFlag.default(false),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  env: "development" | "production" | "test";
  logLevel: string;
  session: { idleMinutes: number; absoluteHours: number };
  loginThrottle: { maxFailuresPerAccount: number; maxFailuresPerAddress: number; blockMinutes: number };
  publicFormMaxPerHour: number;
  journalUploadMaxBytes: number;
  behindTls: boolean;
  trustProxy: boolean;
  /** Demo accounts and the demo region are loaded only outside production. */
  loadDemoData: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Schakel cannot start, the configuration has problems:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
    this.name = "ConfigError";
  }
}

/** Reads and checks the configuration once; every problem is listed, not just the first. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const c = parsed.data;
  const production = c.NODE_ENV === "production";
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(c.SCHAKEL_DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    env: c.NODE_ENV,
    logLevel: c.LOG_LEVEL,
    session: { idleMinutes: c.SESSION_IDLE_MINUTES, absoluteHours: c.SESSION_ABSOLUTE_HOURS },
    loginThrottle: {
      maxFailuresPerAccount: c.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerAddress: c.LOGIN_MAX_FAILURES_PER_ADDRESS,
      blockMinutes: c.LOGIN_BLOCK_MINUTES,
    },
    publicFormMaxPerHour: c.PUBLIC_FORM_MAX_PER_HOUR,
    journalUploadMaxBytes: c.JOURNAL_UPLOAD_MAX_BYTES,
    behindTls: c.BEHIND_TLS ?? production,
    trustProxy: c.TRUST_PROXY,
    loadDemoData: !production,
  };
}
