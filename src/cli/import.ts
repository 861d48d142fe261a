/** `workplan import`: flags → importDocuments → plan files written as one set, or standard output. */
import { IMPORT_KINDS, importDocuments } from '../pipeline/import-documents.js';
import { UsageError } from '../usage-error.js';
import { deliverFiles } from '../pipeline/publish-documents.js';
import { clearProgress, writeProgress } from './output.js';

export interface ImportFlags {
  output?: string;
  force?: boolean;
  fix?: boolean;
  stdinFormat?: string;
  kind?: string;
}

export async function runImport(sources: string[], flags: ImportFlags): Promise<number> {
  if (flags.stdinFormat !== undefined && flags.stdinFormat !== 'txt' && flags.stdinFormat !== 'md') {
    throw new UsageError(`--stdin-format 只能是 txt 或 md，这里是“${flags.stdinFormat}”`);
  }
  let live = false;
  const kind = flags.kind ?? 'auto';
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) throw new UsageError(`未知的 --kind“${kind}”，可用：${IMPORT_KINDS.join('、')}`);
  const { plans, outputs } = await importDocuments(sources, {
    kind: kind as (typeof IMPORT_KINDS)[number],
    ...(flags.output !== undefined ? { output: flags.output } : {}),
    force: flags.force ?? false,
    fix: flags.fix ?? false,
    ...(flags.stdinFormat ? { stdinFormat: flags.stdinFormat as 'txt' | 'md' } : {}),
    onProgress: (index, total, source) => {
      live = writeProgress('导入', index, total, source) || live;
    },
  });
  if (live) clearProgress();
  for (const plan of plans) {
    const shown = plan.source === '-' ? '标准输入' : plan.source;
    for (const line of plan.removed) process.stderr.write(`已去掉网页杂项（${shown}）：${line}\n`);
    for (const line of plan.skipped) process.stderr.write(`未能读取（${shown}）：${line}\n`);
    for (const text of plan.unplaced) {
      // The whole text is in the plan; a line here says which, and how long.
      const line = text.replace(/\s*\n\s*/g, ' / ');
      const shownText = [...line].length > 60 ? `${[...line].slice(0, 60).join('')}…（共 ${[...text].length} 字）` : line;
      process.stderr.write(`未能放进计划、已照录在“# 导入：”注释中（${shown}）：${shownText}\n`);
    }
    if (plan.target === '-') process.stdout.write(plan.text);
  }
  await deliverFiles(outputs);
  for (const plan of plans) {
    const shown = plan.source === '-' ? '标准输入' : plan.source;
    const where = plan.target === '-' ? '标准输出' : plan.target;
    const guessed = plan.guesses ? `，${plan.guesses} 处需要核对（见“# 导入：”注释）` : '，没有需要核对的地方';
    process.stderr.write(`已导入 ${shown} → ${where}${guessed}\n`);
    if (plan.carried.length) {
      const found = plan.carried.map((c) => `${c.ruleId} ${c.count} 处`).join('、');
      process.stderr.write(`原文带来的写作问题（${shown}）：${found}；check 会逐条报告，build 不因此停下\n`);
    }
  }
  return 0;
}
