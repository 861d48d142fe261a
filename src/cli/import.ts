/** `workplan import`: flags → importDocuments → plan files written as one set, or standard output. */
import { IMPORT_KINDS, importDocuments } from '../pipeline/import-documents.js';
import { UsageError } from '../usage-error.js';
import { deliverFiles } from '../pipeline/publish-documents.js';
import { formatFixDiff } from '../report/fix-diff.js';
import { formatStylish } from '../report/stylish.js';
import { clearProgress, useColor, writeProgress } from './output.js';

export interface ImportFlags {
  output?: string;
  onto?: string;
  dryRun?: boolean;
  prune?: boolean;
  color?: boolean;
  force?: boolean;
  fix?: boolean;
  stdinFormat?: string;
  kind?: string;
}

export async function runImport(sources: string[], flags: ImportFlags): Promise<number> {
  if (flags.onto !== undefined) return runRevision(sources, flags);
  if (flags.dryRun || flags.prune) throw new UsageError(`${flags.dryRun ? '--dry-run' : '--prune'} 只与 --onto 同用：把修改稿写回已有的计划时才有意义`);
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
    for (const line of plan.skipped) process.stderr.write(`未导入（${shown}）：${line}\n`);
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

/** `import revised.docx --onto plan.yaml`: the leaders' revisions carried back into the plan, or shown (--dry-run). */
async function runRevision(sources: string[], flags: ImportFlags): Promise<number> {
  if (sources.length !== 1 || sources[0] === '-') throw new UsageError('--onto 只接受一个修改稿（.docx 等文件，不能是标准输入）');
  for (const [flag, given] of [['-o', flags.output], ['--fix', flags.fix], ['--force', flags.force]] as const) {
    if (given !== undefined && given !== false) throw new UsageError(`${flag} 不能与 --onto 同用：--onto 只改写它所给的计划文件`);
  }
  const { revisePlan, writeRevisedPlan } = await import('../pipeline/revise-plan.js');
  const revision = await revisePlan(sources[0]!, flags.onto!, { prune: flags.prune ?? false });
  if (revision.diagnostics.length) {
    process.stdout.write(formatStylish(revision.diagnostics, { color: useColor(process.stdout, flags.color), fileCount: 1 }));
    process.stderr.write(`“${revision.shown}”有错误，先用 workplan check 改正后再导入修改稿；计划未改动\n`);
    return 1;
  }
  const labels = { added: '新增', changed: '调整', removed: '删除', unplaced: '未写入' } as const;
  for (const line of revision.lines) {
    const score = line.score !== undefined ? `（相似度 ${line.score.toFixed(2)}，请核对是否同一项）` : '';
    process.stderr.write(`${labels[line.kind]}  ${line.label}  ${line.title}${score}${line.details.length ? `：${line.details.join('；')}` : ''}\n`);
  }
  for (const comment of revision.comments) {
    const anchor = comment.anchor ? `在“${[...comment.anchor].slice(0, 24).join('')}${[...comment.anchor].length > 24 ? '…' : ''}”处` : '';
    process.stderr.write(`批注${comment.author ? `（${comment.author}）` : ''}${anchor}：${comment.text.replace(/\s*\n\s*/g, ' ')}\n`);
  }
  if (revision.comments.length) process.stderr.write(`修改稿有 ${revision.comments.length} 条批注，没有写进计划：请逐条处理\n`);
  if (revision.after === revision.before) {
    process.stderr.write(`修改稿与“${revision.shown}”没有可写回的差别，计划未改动\n`);
    return 0;
  }
  if (flags.dryRun) {
    process.stdout.write(formatFixDiff(revision.shown, revision.before, revision.after, ['修改前', '修改后']));
    process.stderr.write('（--dry-run，计划未改动）\n');
    return 0;
  }
  await writeRevisedPlan(revision);
  process.stderr.write(`已把修改稿的改动写入 ${revision.shown}\n`);
  return 0;
}
