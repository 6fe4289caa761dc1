import { sql } from "drizzle-orm";
import { healthSchema } from "../../shared/reference.ts";
import { AppError } from "../errors.ts";
import type { App, RouteDeps } from "../http/types.ts";
import { appVersion } from "../version.ts";

export function registerHealthRoutes(app: App, { database }: RouteDeps): void {
  app.get(
    "/health",
    {
      config: { access: "public" },
      schema: {
        tags: ["health"],
        summary: "Liveness and the database in use",
        response: { 200: healthSchema },
      },
    },
    async () => {
      try {
        await database.db.execute(sql`select 1`);
      } catch {
        throw new AppError("UNAVAILABLE", "The database does not answer.");
      }
      return { status: "ok" as const, database: database.kind, version: appVersion };
    },
  );
}
