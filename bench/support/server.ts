import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

export const repoRoot = path.resolve(import.meta.dirname, "../..");

/** A Schakel server process started by the bench. */
export interface BenchServer {
  baseUrl: string;
  /** From spawn to the first 200 of GET /api/v1/health. */
  msToHealthy: number;
  /** SIGTERM, then wait for the graceful stop (SIGKILL after 15 s). */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** The embedded database folder (PGlite); ignored when databaseUrl is given. */
  dataDir: string;
  databaseUrl?: string;
  /** Where the server's stdout and stderr go: a file, so reading them costs the bench no CPU. */
  logFile: string;
  logLevel: string;
  timeoutMs?: number;
}

const pollIntervalMs = 10;

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => {
        if (address !== null && typeof address === "object") {
          resolve(address.port);
        } else {
          reject(new Error("could not find a free port"));
        }
      });
    });
  });
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(true);
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function tail(file: string): string {
  try {
    return readFileSync(file, "utf8").slice(-4_000);
  } catch {
    return "(no output)";
  }
}

/**
 * Starts the server entry `node --import tsx src/server/main.ts` — what `npm start` runs after
 * its web-build check, which is not what this bench measures — and resolves at the first 200 of
 * the health route. NODE_ENV=development so the demo region and accounts load as in `npm start`.
 */
export async function startServer(options: StartOptions): Promise<BenchServer> {
  const port = await findFreePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    SCHAKEL_DATA_DIR: options.dataDir,
    NODE_ENV: "development",
    LOG_LEVEL: options.logLevel,
  };
  delete env.DATABASE_URL;
  if (options.databaseUrl) {
    env.DATABASE_URL = options.databaseUrl;
  }
  const log = openSync(options.logFile, "a");
  const startedAt = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", log, log],
  });
  closeSync(log);

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      if (!(await waitForExit(child, 15_000))) {
        child.kill("SIGKILL");
        await waitForExit(child, 5_000);
      }
    }
  };

  const deadline = startedAt + (options.timeoutMs ?? 60_000);
  while (performance.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `The server exited with code ${child.exitCode} before it was healthy:\n${tail(options.logFile)}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`);
      if (response.status === 200) {
        return { baseUrl, msToHealthy: performance.now() - startedAt, stop };
      }
    } catch {
      // Not listening yet.
    }
    await delay(pollIntervalMs);
  }
  await stop();
  throw new Error(`The server was not healthy within the time limit:\n${tail(options.logFile)}`);
}
