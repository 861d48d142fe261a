/** `workplan init [dir]`: scaffold a plan repository. */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../emit/write-file.js';
import { BUILTIN_TEMPLATES } from '../render/render-template.js';
import { defaultPlanYear, scaffoldFiles } from '../scaffold/scaffold-files.js';
import { describeFsError } from './files.js';
import { UsageError } from './usage-error.js';
import { readVersion } from './version.js';

export interface InitOptions {
  force?: boolean;
  year?: string;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

export async function runInit(dir: string | undefined, options: InitOptions): Promise<number> {
  const root = path.resolve(dir ?? '.');
  const year = options.year === undefined ? defaultPlanYear(new Date()) : Number(options.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(`--year 应为四位年份，这里是“${options.year}”`);
  const files = scaffoldFiles({
    year,
    version: readVersion(),
    templatesGuide: await readFile(path.join(BUILTIN_TEMPLATES, 'README.md'), 'utf8'),
  });
  const existing: string[] = [];
  for (const [name] of files) if (await exists(path.join(root, name))) existing.push(name);
  if (existing.length && !options.force) {
    throw new UsageError(`这些文件已经存在，未做任何改动：${existing.join('、')}（确需覆盖请加 --force）`);
  }
  for (const [name, content] of files) {
    try {
      await writeFileAtomic(path.join(root, name), content);
    } catch (error) {
      throw new UsageError(`无法写入“${name}”：${describeFsError(error)}`);
    }
    process.stdout.write(`已创建 ${path.join(dir ?? '.', name)}\n`);
  }
  const cd = dir ? `cd ${dir} && ` : '';
  process.stdout.write(`\n下一步：${cd}npx workplan check，然后 npx workplan build plans/\n`);
  return 0;
}
