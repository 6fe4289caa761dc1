import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * Builds the web app from src/web into dist/web, where the server serves it.
 * Assets are never inlined as data: URIs, because the server's CSP (default-src 'self')
 * would block inlined fonts and images.
 */
export default defineConfig({
  root: `${import.meta.dirname}/src/web`,
  plugins: [react()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    assetsInlineLimit: 0,
  },
  server: {
    proxy: {
      "/api": "http://127.0.0.1:3000",
    },
  },
});
