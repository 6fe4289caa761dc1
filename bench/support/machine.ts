import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { postgresVersion } from "./postgres.ts";
import { repoRoot } from "./server.ts";

export interface MachineFacts {
  node: string;
  platform: string;
  cpus: number;
  cpuModel: string;
  memoryGigabytes: number;
  /** 1, 5 and 15 minute load averages when the run began: other work on the machine skews figures. */
  loadAverageAtStart: number[];
  pglite: { package: string; server: string };
  postgresql: string | null;
  packages: Record<string, string>;
  git: { commit: string | null; dirty: boolean | null };
}

/** Read-only git: the commit measured, and whether the tree had changes beyond it. */
function gitFacts(): MachineFacts["git"] {
  const run = (args: string[]) =>
    execFileSync("git", args, {
      cwd: repoRoot,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  let commit: string | null = null;
  let dirty: boolean | null = null;
  try {
    commit = run(["rev-parse", "HEAD"]);
  } catch {
    // No commit yet, or not a git checkout.
  }
  try {
    dirty = run(["status", "--porcelain"]) !== "";
  } catch {
    // Not a git checkout.
  }
  return { commit, dirty };
}

function packageVersion(name: string): string {
  const file = path.join(repoRoot, "node_modules", name, "package.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}

export async function machineFacts(postgresUrl: string | undefined): Promise<MachineFacts> {
  const pglite = await PGlite.create();
  const pgliteServer =
    (await pglite.query<{ version: string }>("SELECT version()")).rows[0]?.version ?? "unknown";
  await pglite.close();
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    memoryGigabytes: Math.round(os.totalmem() / 1_073_741_824),
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    pglite: { package: packageVersion("@electric-sql/pglite"), server: pgliteServer },
    postgresql: postgresUrl ? await postgresVersion(postgresUrl) : null,
    packages: Object.fromEntries(
      ["fastify", "pg", "drizzle-orm", "autocannon", "tsx"].map((name) => [name, packageVersion(name)]),
    ),
    git: gitFacts(),
  };
}
