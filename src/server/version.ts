import fs from "node:fs";
import path from "node:path";

const packageJson = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, "../../package.json"), "utf8"),
) as { version: string };

/** The application's version (package.json). */
export const appVersion = packageJson.version;

/** The full API version, sent as the API-Version header; the major is in the path (/api/v1). */
export const apiVersion = "1.0.0";
