/**
 * How a plan repository's pipelines should install workplan: the npm spec of the copy that is
 * running, when npm left a record of where it came from, else the registry name at this version.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's own folder: two levels above this file in src/, dist/ and dist/bundle/ alike. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ToolSpec {
  /** What `npm install` / `npx --package` accepts: `workplan@0.1.0`, a tarball path, a git URL. */
  spec: string;
  /** False when nothing recorded the origin and the spec is only the registry name guessed. */
  recorded: boolean;
}

interface HiddenLockfile {
  packages?: Record<string, { resolved?: string; version?: string }>;
}

/**
 * npm writes `<prefix>/node_modules/.package-lock.json` for local installs and for npx's cache,
 * with the `resolved` origin of each package. A global install keeps no such record (npm ≥ 7
 * dropped `_resolved` from package.json), nor does a run from a clone; those fall back to the name.
 */
export async function findToolSpec(version: string, packageRoot: string = PACKAGE_ROOT): Promise<ToolSpec> {
  const fallback: ToolSpec = { spec: `workplan@${version}`, recorded: false };
  const root = path.resolve(packageRoot);
  const modules = path.dirname(root);
  if (path.basename(modules) !== 'node_modules') return fallback;
  const prefix = path.dirname(modules);
  let lockfile: HiddenLockfile;
  try {
    lockfile = JSON.parse(await readFile(path.join(modules, '.package-lock.json'), 'utf8')) as HiddenLockfile;
  } catch {
    return fallback;
  }
  const key = path.relative(prefix, root).split(path.sep).join('/');
  const resolved = lockfile.packages?.[key]?.resolved;
  if (!resolved) return fallback;
  return { spec: specFromResolved(resolved, prefix, version) ?? fallback.spec, recorded: true };
}

/** A lockfile's `resolved` as a spec that installs the same thing from anywhere on this machine. */
function specFromResolved(resolved: string, prefix: string, version: string): string | undefined {
  if (resolved.startsWith('file:')) {
    // Relative to the prefix in the lockfile; the pipeline runs elsewhere, so make it absolute.
    return path.resolve(prefix, resolved.slice('file:'.length));
  }
  // The registry's own tarball URL is the plain name at that version, whichever mirror served it.
  if (/^https?:\/\/.+\/workplan\/-\/workplan-[^/]+\.tgz$/.test(resolved)) return `workplan@${version}`;
  if (/^(git\+|git:|github:|https?:)/.test(resolved)) return resolved;
  return undefined;
}
