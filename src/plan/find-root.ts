/** The plan repository a plan belongs to: the nearest folder upward holding workplan.config.yaml. */
import { access } from 'node:fs/promises';
import path from 'node:path';

export const CONFIG_FILE = 'workplan.config.yaml';

/** The folder holding the plan's workplan.config.yaml, or undefined when it has none. */
export async function findConfigRoot(planFile: string): Promise<string | undefined> {
  let dir = path.dirname(path.resolve(planFile));
  for (;;) {
    try {
      await access(path.join(dir, CONFIG_FILE));
      return dir;
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  }
}
