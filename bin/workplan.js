#!/usr/bin/env node
import module from 'node:module';

// Node ≥ 22.1 can keep the bundle's compiled code on disk, so a CI job that runs check and then
// build compiles it once. Node 20 has no such function; a cache folder that cannot be written only
// turns the cache off. Either way start-up must go on, hence the guard, and the bundle is imported
// after this line (a static import would be evaluated first).
try {
  module.enableCompileCache?.();
} catch {
  // Start without the cache.
}

const { main } = await import('../dist/bundle/main.js');
process.exitCode = await main(process.argv.slice(2));
