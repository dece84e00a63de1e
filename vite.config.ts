import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The tab is built from src/tab/ into dist/tab/ and served under /tab/ (see
 * src/tab/serve-tab.ts), so every asset URL is rooted there.
 */
export default defineConfig({
  root: `${projectRoot}src/tab`,
  base: '/tab/',
  // VITE_PLAN_TRACKER_* come from the project root's .env files or the environment.
  envDir: projectRoot,
  plugins: [react()],
  build: {
    // PLAN_TRACKER_TAB_DIST lets parallel work build into its own folder (see src/tab/build-tab.ts);
    // a relative one is from the project root, as tabDistDir() reads it, not from Vite's root.
    outDir: path.resolve(projectRoot, process.env.PLAN_TRACKER_TAB_DIST ?? 'dist/tab'),
    emptyOutDir: true,
    target: 'es2022',
    // Vite's modulepreload polyfill is bundled, not inlined, so the CSP needs no inline script.
    modulePreload: { polyfill: false },
    sourcemap: true,
    // bench/tab-bundle.ts reads it to tell the first view's JavaScript from what loads lazily.
    manifest: true,
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      // The tab, and the two pages of Teams' authentication window (sign-in without NAA).
      input: {
        main: `${projectRoot}src/tab/index.html`,
        authStart: `${projectRoot}src/tab/auth-start.html`,
        authEnd: `${projectRoot}src/tab/auth-end.html`,
      },
    },
  },
});
