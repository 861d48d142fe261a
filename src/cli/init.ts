/** `workplan init [dir]`: flags → scaffoldRepository → files, and what to do next. */
import { scaffoldRepository } from '../pipeline/init-repository.js';
import { writeOutputs } from '../pipeline/write-outputs.js';
import { readVersion } from './version.js';

export interface InitOptions {
  force?: boolean;
  year?: string;
}

export async function runInit(dir: string | undefined, options: InitOptions): Promise<number> {
  const outputs = await scaffoldRepository({ dir, year: options.year, force: options.force, version: readVersion() });
  await writeOutputs(outputs, (output) => process.stdout.write(`已创建 ${output.shown}\n`));
  const cd = dir ? `cd ${dir} && ` : '';
  process.stdout.write(`\n下一步：${cd}npx workplan check，然后 npx workplan build plans/\n`);
  return 0;
}
