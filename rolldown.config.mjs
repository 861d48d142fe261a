// The shipped CLI: dist/cli/main.js (tsc's output) bundled with its dependencies into dist/bundle/.
// One file per lazy command instead of ~300 modules (zod alone loads ~220, most of them locales)
// more than halves the start-up that module resolution costs `workplan check`. The dynamic
// imports in main.ts stay chunk boundaries, so check still never loads docx or handlebars.
// Depth matters: dist/bundle/ sits two folders below the package root, like dist/cli/, so the
// paths to templates/ and package.json resolve the same from either.
//
// CommonJS, not ESM: bin/workplan.js compiles each chunk through vm.Script with V8's code cache
// (Node 20 has no compile cache for ES modules). Every chunk, the entry included, carries a hash
// of its content in its name, which is what keys the cache; `main.cjs` is a two-line stub that
// names the current entry, so bin/ never needs to know the hash and the stub is never cached.
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: { main: 'dist/cli/main.js' },
  platform: 'node',
  output: {
    dir: 'dist/bundle',
    format: 'cjs',
    cleanDir: true,
    entryFileNames: '[name]-[hash].cjs',
    chunkFileNames: '[name]-[hash].cjs',
  },
  plugins: [
    {
      name: 'entry-stub',
      generateBundle(_options, bundle) {
        const entry = Object.values(bundle).find((file) => file.type === 'chunk' && file.isEntry);
        this.emitFile({
          type: 'asset',
          fileName: 'main.cjs',
          source: `'use strict';\n// The entry of this build (the hashed name keys the code cache in bin/workplan.js).\nmodule.exports = require('./${entry.fileName}');\n`,
        });
      },
    },
  ],
});
