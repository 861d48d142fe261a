/** `workplan draft speech`: flags → draftSpeech → the draft on stdout or in a file, and what is left to fill. */
import { draftSpeech } from '../pipeline/draft-speech.js';
import { formatStylish } from '../report/stylish.js';
import { useColor } from './output.js';

export async function runDraftSpeech(plan: string, options: { output?: string; force?: boolean; color?: boolean }): Promise<number> {
  const output = options.output === '-' ? undefined : options.output;
  const result = await draftSpeech({ plan, output, force: options.force });
  if (result.text === undefined) {
    process.stdout.write(formatStylish(result.diagnostics, { color: useColor(process.stdout, options.color), fileCount: 1 }));
    return 1;
  }
  if (output === undefined) process.stdout.write(result.text);
  else process.stderr.write(`已写入 ${output}\n`);
  if (result.pending.length) {
    process.stderr.write(`以下部分还没有可汇报的进展，草稿中标为“# 待补充”：${result.pending.map((t) => `“${t}”`).join('、')}\n`);
  }
  return 0;
}
