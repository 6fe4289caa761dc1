import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const startTimeoutMs = 60_000;
const stopTimeoutMs = 15_000;

/** A Schakel server started for a test file, with its own empty data folder. */
export interface RunningServer {
  baseUrl: string;
  /** Stops the server (SIGTERM, then waits for it to exit) and removes its data folder. */
  stop: () => Promise<void>;
}

async function findFreePort(): Promise<number> {
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

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return true;
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts `node --import tsx src/server/main.ts` on a free port with a fresh data folder (embedded
 * PGlite, demo data, no DATABASE_URL) and resolves once GET /api/v1/health answers 200. `config`
 * adds settings, e.g. a short SESSION_IDLE_MINUTES.
 */
export async function startServer(config: Record<string, string> = {}): Promise<RunningServer> {
  if (!existsSync(path.join(repoRoot, "dist/web/index.html"))) {
    throw new Error("dist/web/index.html is missing: run `vite build` first (npm run test:e2e does)");
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), "schakel-e2e-data-"));
  const port = await findFreePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    SCHAKEL_DATA_DIR: dataDir,
    NODE_ENV: "test",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    ...config,
  };
  delete env.DATABASE_URL;

  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Keep the end of the server's output to explain a failed start.
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-8_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      if (!(await waitForExit(child, stopTimeoutMs))) {
        child.kill("SIGKILL");
        await waitForExit(child, stopTimeoutMs);
      }
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The server exited with code ${child.exitCode} before it was ready:\n${output}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`);
      if (response.status === 200) {
        return { baseUrl, stop };
      }
    } catch {
      // Not listening yet.
    }
    await delay(250);
  }
  await stop();
  throw new Error(`The server did not answer GET /api/v1/health with 200 within 60 s:\n${output}`);
}
