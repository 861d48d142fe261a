#!/usr/bin/env node
'use strict';
// Start-up. Node spends much of a short `workplan check` compiling the bundle's JavaScript, the
// same bytes on every run. V8 can save what it compiled (a code cache) and load it next time, but
// Node 20 offers that only for scripts compiled through vm.Script; so this file compiles the
// bundle's chunks itself (bin/package.json makes it CommonJS, as the bundle is). The cache is an
// optimisation and nothing else: when it is missing, stale, rejected by V8 or cannot be written
// (read-only home, full disk), the chunk compiles as usual and the command runs the same.
//
// Where: $WORKPLAN_CACHE_DIR, else the user's cache folder, then workplan/code-cache/<node>-<arch>.
// WORKPLAN_CODE_CACHE=0 turns it off. Each chunk's file name carries a hash of its content
// (rolldown.config.mjs), so a cache file named after the chunk can only belong to those bytes;
// V8 itself rejects data made by another V8 or with other flags (then it is made anew).
const Module = require('node:module');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

/** This file's module: what `require.main` is for the bundle, as it would be without the cache. */
const ENTRY = require.main;
const BUNDLE = path.join(__dirname, '..', 'dist', 'bundle') + path.sep;
/** A chunk name with rolldown's content hash: `model-DcIB1cmE.cjs`. */
const HASHED = /^(.+)-[\w-]{8}\.cjs$/;

/** The folder of this Node's cache files, or undefined when caching is off. */
function cacheFolder() {
  if (process.env.WORKPLAN_CODE_CACHE === '0') return undefined;
  let base = process.env.WORKPLAN_CACHE_DIR;
  if (!base) {
    const home = os.homedir();
    if (process.platform === 'win32') base = path.join(process.env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'workplan');
    else if (process.platform === 'darwin') base = path.join(home, 'Library', 'Caches', 'workplan');
    else base = path.join(process.env.XDG_CACHE_HOME || path.join(home, '.cache'), 'workplan');
  }
  return path.join(base, 'code-cache', `${process.version}-${process.arch}`);
}

const folder = cacheFolder();
/** Scripts compiled without usable cache data: their data is written when the process ends. */
const fresh = [];

if (folder) {
  const compile = Module.prototype._compile;
  Module.prototype._compile = function compileWithCache(content, filename) {
    const name = path.basename(filename);
    if (!filename.startsWith(BUNDLE) || !HASHED.test(name)) return compile.call(this, content, filename);
    const file = path.join(folder, `${name}.bin`);
    let cachedData;
    try {
      cachedData = fs.readFileSync(file);
    } catch {
      // No cache yet (or unreadable): compile from source.
    }
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) fresh.push({ script, file, name });
    const wrapper = script.runInThisContext({ displayErrors: true });
    const require = (id) => this.require(id);
    require.main = ENTRY;
    return wrapper.call(this.exports, this.exports, require, this, filename, path.dirname(filename));
  };
  // After the command has run, so the data also holds the functions V8 compiled lazily on the way.
  process.once('exit', writeCache);
}

function writeCache() {
  if (fresh.length === 0) return;
  try {
    fs.mkdirSync(folder, { recursive: true });
    const old = fs.readdirSync(folder);
    for (const { script, file, name } of fresh) {
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, script.createCachedData());
      fs.renameSync(temp, file);
      // An earlier build's data for the same chunk is dead weight now.
      const chunk = HASHED.exec(name)[1];
      for (const other of old) {
        const match = HASHED.exec(other.replace(/\.bin$/, ''));
        if (match && match[1] === chunk && other !== `${name}.bin`) fs.rmSync(path.join(folder, other), { force: true });
      }
    }
  } catch {
    // A cache that cannot be written costs the next run its speed, never its result.
  }
}

require('../dist/bundle/main.cjs')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
