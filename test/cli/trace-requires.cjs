// Preloaded with `node --require`: records every file the process loads as a CommonJS module
// (the bundle is CommonJS, see bin/workplan.js) into $TRACE_FILE, as file: URLs.
'use strict';
const Module = require('node:module');
const { appendFileSync } = require('node:fs');
const { pathToFileURL } = require('node:url');

const load = Module.prototype.load;
Module.prototype.load = function traceLoad(filename) {
  appendFileSync(process.env.TRACE_FILE, `${pathToFileURL(filename).href}\n`);
  return load.call(this, filename);
};

// Node's own modules the process loaded, as `builtin:NAME` lines (node:crypto, node:v8…): some cost
// milliseconds to set up, and a command that never uses one should not pay for it.
process.on('exit', () => {
  const builtins = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => `builtin:${m.slice('NativeModule '.length)}`);
  appendFileSync(process.env.TRACE_FILE, `${builtins.join('\n')}\n`);
});
