import { execFileSync, spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import path from "node:path";
import { repoRoot, startServer } from "./support/server.ts";
import { median, round } from "./support/stats.ts";

export interface StartTimeResult {
  entry: string;
  /** `node --import tsx` running nothing: the part of every start that is not Schakel's. */
  processFloorMs: number;
  /** First start on an empty data folder: migrations and the demo region included. */
  freshMs: number[];
  /** Restarts on the folder the fresh start left. */
  warmMs: number[];
  freshMedianMs: number;
  warmMedianMs: number;
  targetMs: number;
  /** One fresh and one warm start taken apart step by step (main.ts's steps, no HTTP listen). */
  phases: { fresh: StartPhases; warm: StartPhases };
}

export interface StartPhases {
  nodeAndTsx: number;
  importModules: number;
  openDatabase: number;
  migrate: number;
  loadRegion: number;
  buildApp: number;
  total: number;
}

function measurePhases(dataDir: string): StartPhases {
  const output = execFileSync(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "support/start-phases-child.ts"), dataDir],
    { cwd: repoRoot, encoding: "utf8" },
  );
  const phases = JSON.parse(output) as StartPhases;
  return Object.fromEntries(
    Object.entries(phases).map(([k, v]) => [k, round(v, 0)]),
  ) as unknown as StartPhases;
}

const targetMs = 3_000;

function timeProcessFloor(): Promise<number> {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", "--eval", "0"], {
      cwd: repoRoot,
      stdio: "ignore",
    });
    child.once("error", reject);
    child.once("exit", () => resolve(performance.now() - startedAt));
  });
}

/** Cold start to healthy on PGlite: `runs` fresh data folders, then `runs` restarts of the last one. */
export async function measureStartTime(workDir: string, runs: number): Promise<StartTimeResult> {
  const floors: number[] = [];
  for (let i = 0; i < 3; i++) {
    floors.push(await timeProcessFloor());
  }

  const logFile = path.join(workDir, "start-time.log");
  const freshMs: number[] = [];
  let lastDataDir = "";
  for (let i = 0; i < runs; i++) {
    lastDataDir = await mkdtemp(path.join(workDir, "start-fresh-"));
    const server = await startServer({ dataDir: lastDataDir, logFile, logLevel: "info" });
    freshMs.push(round(server.msToHealthy, 0));
    await server.stop();
  }
  const warmMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const server = await startServer({ dataDir: lastDataDir, logFile, logLevel: "info" });
    warmMs.push(round(server.msToHealthy, 0));
    await server.stop();
  }

  const phasesDir = await mkdtemp(path.join(workDir, "start-phases-"));
  const fresh = measurePhases(phasesDir);
  const warm = measurePhases(phasesDir);

  return {
    entry: "node --import tsx src/server/main.ts",
    processFloorMs: round(median(floors), 0),
    freshMs,
    warmMs,
    freshMedianMs: round(median(freshMs), 0),
    warmMedianMs: round(median(warmMs), 0),
    targetMs,
    phases: { fresh, warm },
  };
}
