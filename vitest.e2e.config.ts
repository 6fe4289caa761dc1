import { defineConfig } from "vitest/config";

/**
 * Browser journeys against the real server and the built web app (run `vite build` first;
 * `npm run test:e2e` does). Files run one after another: each starts its own server.
 */
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
