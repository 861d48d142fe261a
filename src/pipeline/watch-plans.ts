/**
 * `build --watch`: tell the caller when a plan, its repository's workplan.config.yaml or its
 * templates change, debounced, one rebuild at a time.
 *
 * Node's fs.watch rather than chokidar: the set is a handful of folders (the plans', each
 * repository root, its templates/), not a tree of thousands, and watching folders rather than
 * files survives editors that save by writing a new file and renaming it over the old one. It
 * needs no dependency in the bundle. Folders are watched one by one (not `recursive`, which Node
 * 20 only emulates on Linux) and the set is worked out again before every rebuild, so a new plan
 * or folder joins it.
 */
import { type FSWatcher, watch } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { findConfigRoot } from '../plan/find-root.js';
import { findPlanFiles } from './plan-files.js';

export interface WatchChange {
  /** A template changed: the caller drops its cached template sets. */
  templates: boolean;
}

export interface PlanWatcher {
  close(): void;
}

export interface WatchOptions {
  /** Quiet time after the last event before rebuilding; editors write a file in several steps. */
  debounceMs?: number;
  /** Files the last build read besides the plans (the plans speech files take figures from), asked before every refresh. */
  dependencies?: () => readonly string[];
}

const PLAN_OR_CONFIG = /\.ya?ml$/i;

/**
 * Calls `rebuild` after changes settle. A change during a rebuild queues exactly one more, so the
 * last edit is always built and two builds never run at once.
 */
export async function watchPlans(paths: readonly string[], rebuild: (change: WatchChange) => Promise<void>, options: WatchOptions = {}): Promise<PlanWatcher> {
  // An editor's save (write, or temp file and rename) fires its events within a few milliseconds;
  // 50 ms gathers them and leaves the rest of the 150 ms a 文秘 would notice to the rebuild.
  const debounceMs = options.debounceMs ?? 50;
  const watchers = new Map<string, FSWatcher>();
  let templateFolders = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let pending: WatchChange | undefined;
  let running = false;
  let closed = false;

  const schedule = (change: WatchChange) => {
    pending = { templates: (pending?.templates ?? false) || change.templates };
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void drain(), debounceMs);
  };

  const drain = async () => {
    timer = undefined;
    if (running || closed || !pending) return;
    running = true;
    try {
      while (pending && !closed) {
        const change = pending;
        pending = undefined;
        await rebuild(change);
        await refresh();
      }
    } finally {
      running = false;
    }
  };

  const onEvent = (folder: string, name: string | null) => {
    // Dot files are the build's own temps and journals, and editors' swap files.
    if (name?.startsWith('.')) return;
    const inTemplates = templateFolders.has(folder);
    if (inTemplates || name === null || PLAN_OR_CONFIG.test(name)) schedule({ templates: inTemplates || name === null });
  };

  const refresh = async () => {
    const { folders, templates } = await foldersToWatch(paths);
    for (const file of options.dependencies?.() ?? []) folders.add(path.dirname(path.resolve(file)));
    templateFolders = templates;
    for (const [folder, watcher] of watchers) {
      if (!folders.has(folder)) {
        watcher.close();
        watchers.delete(folder);
      }
    }
    for (const folder of folders) {
      if (watchers.has(folder) || closed) continue;
      try {
        const watcher = watch(folder, { persistent: true }, (_event, name) => onEvent(folder, name === null ? null : String(name)));
        // A watched folder that disappears is dropped; the next refresh adds it again if it returns.
        watcher.on('error', () => {
          watcher.close();
          watchers.delete(folder);
        });
        watchers.set(folder, watcher);
      } catch {
        // Gone between listing and watching: the next refresh decides again.
      }
    }
  };

  await refresh();
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

/** The plans' folders, the folders given (and below), each repository root and its templates/ tree. */
async function foldersToWatch(paths: readonly string[]): Promise<{ folders: Set<string>; templates: Set<string> }> {
  const folders = new Set<string>();
  const templates = new Set<string>();
  const files = await findPlanFiles(paths).catch(() => [] as string[]);
  const roots = new Set<string>();
  for (const file of files) {
    folders.add(path.resolve(path.dirname(file)));
    roots.add((await findConfigRoot(file)) ?? process.cwd());
  }
  for (const given of paths) {
    const below = await subfolders(path.resolve(given));
    // A plan given by name is watched through its folder, also while it is missing: an editor
    // that deletes and re-creates it (or saves by rename) must find it watched when it returns.
    if (below.length === 0) folders.add(path.dirname(path.resolve(given)));
    for (const folder of below) folders.add(folder);
  }
  for (const root of roots) {
    folders.add(path.resolve(root));
    for (const folder of await subfolders(path.join(root, 'templates'))) {
      folders.add(folder);
      templates.add(folder);
    }
  }
  return { folders, templates };
}

/** A folder and every folder below it, as findPlanFiles walks them; none when it is not a folder. */
async function subfolders(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => undefined);
  if (!entries) return [];
  const found = [folder];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    found.push(...(await subfolders(path.join(folder, entry.name))));
  }
  return found;
}
