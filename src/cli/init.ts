/** `workplan init [dir]`: flags → scaffoldRepository → files, and what to do next. */
import { scaffoldRepository } from '../pipeline/init-repository.js';
import { deliverFiles } from '../pipeline/publish-documents.js';
import { readVersion } from './version.js';

export interface InitOptions {
  force?: boolean;
  year?: string;
  tool?: string;
  shards?: string;
}

const TOOL_SOURCES = {
  option: '按 --tool',
  config: '沿用 workplan.config.yaml 中的 tool',
  installed: '即正在运行的这份 workplan 的来源',
  guessed: '按版本号',
} as const;

export async function runInit(dir: string | undefined, options: InitOptions): Promise<number> {
  const { outputs, tool, toolSource } = await scaffoldRepository({
    dir,
    year: options.year,
    force: options.force,
    tool: options.tool,
    shards: options.shards,
    version: readVersion(),
  });
  await deliverFiles(outputs, (output) => process.stdout.write(`已创建 ${output.shown}\n`));
  process.stdout.write(`\n流水线安装 workplan 用“${tool}”（${TOOL_SOURCES[toolSource]}，记录在 workplan.config.yaml 的 tool）\n`);
  // Nothing recorded where this copy came from: the name only works once it is on the registry.
  if (toolSource === 'guessed') {
    process.stdout.write(`如果 npm 仓库里还没有 ${tool}，请用 --tool 指定 tarball 路径或 git 地址后重新运行 init --force\n`);
  }
  const cd = dir ? `cd ${dir} && ` : '';
  process.stdout.write(`\n下一步：${cd}npx workplan check，然后 npx workplan build plans/\n`);
  return 0;
}
