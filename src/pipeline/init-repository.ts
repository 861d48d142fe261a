/** `init`: the files of a new plan repository, refused where one exists unless forced. */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { BUILTIN_TEMPLATES } from '../render/render-template.js';
import { defaultPlanYear, scaffoldFiles } from '../scaffold/scaffold-files.js';
import { UsageError } from './usage-error.js';
import type { Output } from './write-outputs.js';

export interface InitRequest {
  /** The folder as the user typed it; the current folder when absent. */
  dir?: string | undefined;
  year?: string | undefined;
  force?: boolean | undefined;
  version: string;
  now?: Date;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** The outputs to write, named as the user will look for them (`my-plans/plans/2026.yaml`). */
export async function scaffoldRepository(request: InitRequest): Promise<Output[]> {
  const root = path.resolve(request.dir ?? '.');
  const year = request.year === undefined ? defaultPlanYear(request.now ?? new Date()) : Number(request.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(`--year 应为四位年份，这里是“${request.year}”`);
  const files = scaffoldFiles({
    year,
    version: request.version,
    templatesGuide: await readFile(path.join(BUILTIN_TEMPLATES, 'README.md'), 'utf8'),
  });
  const existing: string[] = [];
  for (const [name] of files) if (await exists(path.join(root, name))) existing.push(name);
  if (existing.length && !request.force) {
    throw new UsageError(`这些文件已经存在，未做任何改动：${existing.join('、')}（确需覆盖请加 --force）`);
  }
  return files.map(([name, content]) => ({ path: path.join(root, name), data: content, shown: path.join(request.dir ?? '.', name) }));
}
