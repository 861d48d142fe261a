/** The plan repository a plan belongs to: the nearest folder upward holding workplan.config.yaml. */
import { access } from 'node:fs/promises';
import path from 'node:path';

export const CONFIG_FILE = 'workplan.config.yaml';

export async function findRepositoryRoot(planFile: string, fallback = process.cwd()): Promise<string> {
  let dir = path.dirname(path.resolve(planFile));
  for (;;) {
    try {
      await access(path.join(dir, CONFIG_FILE));
      return dir;
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir) return fallback;
      dir = parent;
    }
  }
}
