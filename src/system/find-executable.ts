/** Finding a program the way a shell would: each folder of PATH in turn, then known install places. */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

function isExecutable(file: string): boolean {
  try {
    accessSync(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first of `names` on PATH (with .exe on Windows), else the first of `elsewhere` that exists. */
export function findExecutable(names: readonly string[], elsewhere: readonly string[] = []): string | undefined {
  const files = process.platform === 'win32' ? names.flatMap((name) => [`${name}.exe`, `${name}.com`]) : names;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of files) {
      const file = path.join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  return elsewhere.find(isExecutable);
}
