// The shipped CLI: dist/cli/main.js (tsc's output) bundled with its dependencies into dist/bundle/.
// One file per lazy command instead of ~300 modules (zod alone loads ~220, most of them locales)
// more than halves the start-up that module resolution costs `workplan check`. The dynamic
// imports in main.ts stay chunk boundaries, so check still never loads docx or handlebars.
// Depth matters: dist/bundle/ sits two folders below the package root, like dist/cli/, so the
// paths to templates/ and package.json resolve the same from either.
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: { main: 'dist/cli/main.js' },
  platform: 'node',
  output: { dir: 'dist/bundle', format: 'esm', cleanDir: true },
});
