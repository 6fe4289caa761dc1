// `npm start`: build the web app when it is missing or older than its sources, then run the
// server in this same process (one PID to stop).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { register } from "tsx/esm/api";

const root = path.resolve(import.meta.dirname, "..");
const index = path.join(root, "dist/web/index.html");

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const sources = [path.join(root, "src/web"), path.join(root, "src/shared")];
const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
if (builtAt < Math.max(...sources.map(newestSource))) {
  console.log("Building the web app (first start or changed sources)…");
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
}

register();
await import("../src/server/main.ts");
