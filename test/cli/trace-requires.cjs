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
