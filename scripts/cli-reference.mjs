#!/usr/bin/env node
// `npm run cli-reference`: writes docs/cli.md, the command-line reference, from the commander
// program itself (createProgram() in the compiled dist/cli/main.js), so the reference can never
// say something the CLI does not. Each block is exactly what `workplan <command> --help` prints:
// commander's outputHelp() (the built-in help plus the addHelpText sections, which commander
// writes from its 'beforeHelp'/'afterHelp' events), captured instead of written to stdout.
//
// Width: commander wraps help to process.stdout.columns when stdout is a terminal and to 80
// columns otherwise. The reference is written at 80 (what a pipe, a file or a test sees), so it
// does not depend on the terminal this script runs in. test/cli/cli-reference.test.ts checks the
// file against this generator and against the real binary.
//
// `--stdout` prints the Markdown instead of writing the file.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = path.join(root, 'docs', 'cli.md');
/** commander's width when stdout is not a terminal. */
const HELP_WIDTH = 80;

/** `command` and every command below it, depth first, with its words after `workplan`. */
function walk(command, words = []) {
  const list = [{ command, words }];
  for (const sub of command.commands) {
    if (sub._hidden) continue;
    list.push(...walk(sub, [...words, sub.name()]));
  }
  return list;
}

/** What `--help` prints for this command on a stream that is not a terminal. */
function helpText(command) {
  let text = '';
  command.configureOutput({
    writeOut: (s) => {
      text += s;
    },
    getOutHelpWidth: () => HELP_WIDTH,
    getOutHasColors: () => false,
  });
  command.outputHelp();
  return text;
}

/** GitHub's anchor for a heading made of ASCII words: lower case, spaces to hyphens. */
const anchor = (title) => title.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');

export async function renderCliReference() {
  const { createProgram } = await import(pathToFileURL(path.join(root, 'dist', 'cli', 'main.js')).href);
  const entries = walk(createProgram()).map(({ command, words }) => ({ title: ['workplan', ...words].join(' '), help: helpText(command) }));
  const lines = [
    '# 命令行参考',
    '',
    '<!-- 本文件由 `npm run cli-reference` 生成（scripts/cli-reference.mjs），请勿手改；改帮助文字请改 src/cli/main.ts。 -->',
    '',
    '下面是每个命令 `--help` 的完整输出，由程序中的命令定义直接生成，测试（`test/cli/cli-reference.test.ts`）保证它与',
    '`workplan <命令> --help` 实际打印的一字不差。`workplan help <命令>` 打印的也是同样的内容。',
    '按 80 列折行，这是输出到文件或管道时的宽度；在终端里，帮助按窗口宽度折行。',
    '',
    '按任务组织的说明见[用户指南](guide/README.md)，计划文件的键见[计划文件格式](plan-format.md)。',
    '',
    ...entries.map(({ title }) => `- [\`${title}\`](#${anchor(title)})`),
    '',
  ];
  for (const { title, help } of entries) {
    if (help.includes('```')) throw new Error(`${title} 的帮助含有 \`\`\`，不能放进代码块`);
    lines.push(`## ${title}`, '', '```text', help.replace(/\n$/, ''), '```', '');
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const markdown = await renderCliReference();
  if (process.argv.includes('--stdout')) process.stdout.write(markdown);
  else {
    writeFileSync(OUTPUT, markdown);
    process.stdout.write(`已写入 ${path.relative(process.cwd(), OUTPUT)}\n`);
  }
}
