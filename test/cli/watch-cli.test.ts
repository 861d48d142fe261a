/**
 * build --watch as a user runs it: a real process, edits to the plan, its configuration and its
 * templates, one line per rebuild. Waits are generous and only for lines to appear.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers.js';

const WAIT_MS = 60_000;

describe('build --watch', () => {
  const repo = mkdtempSync(path.join(tmpdir(), 'wp-watch-'));
  const plan = path.join(repo, 'plans', 'plan.yaml');
  const output = path.join(repo, 'out', 'plan.md');
  let child: ChildProcess | undefined;
  let log = '';

  /** Resolves once the log has `count` lines matching `pattern`. */
  function waitForLines(pattern: RegExp, count: number): Promise<string[]> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        const lines = log.split('\n').filter((line) => pattern.test(line));
        if (lines.length >= count) {
          clearInterval(poll);
          resolve(lines);
        } else if (Date.now() - started > WAIT_MS || child?.exitCode !== null) {
          clearInterval(poll);
          reject(new Error(`没有等到第 ${count} 行 ${pattern}；输出：\n${log}`));
        }
      }, 50);
    });
  }

  /** Makes an edit and waits for the rebuild line it causes (counted from the lines before it). */
  async function editAndWait(edit: () => void, pattern = /重新生成 1 个文件（用时 \d+ 毫秒）$/): Promise<void> {
    const before = log.split('\n').filter((line) => pattern.test(line)).length;
    edit();
    await waitForLines(pattern, before + 1);
  }

  afterAll(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
  });

  it('builds at once and says so with the time taken', async () => {
    mkdirSync(path.join(repo, 'plans'));
    mkdirSync(path.join(repo, 'templates'));
    cpSync(path.join(ROOT, 'plans', '2025-工作安排意见.yaml'), plan);
    writeFileSync(path.join(repo, 'workplan.config.yaml'), 'speech:\n  pace: 220\n');
    child = spawn(process.execPath, [BIN, 'build', 'plans/plan.yaml', '--to', 'md', '--watch'], { cwd: repo, env: { ...process.env, NO_COLOR: '1' } });
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    const [line] = await waitForLines(/已生成 1 个文件（用时 \d+ 毫秒）$/, 1);
    expect(line).toMatch(/^\[\d{1,2}:\d{2}:\d{2}\] 已生成 1 个文件（用时 \d+ 毫秒）$/);
    await waitForLines(/^正在监视/, 1);
    expect(readFileSync(output, 'utf8')).toContain('# 2025年全区统一战线工作安排意见');
  });

  it('rebuilds when the plan changes, one line per rebuild', async () => {
    await editAndWait(() => writeFileSync(plan, readFileSync(plan, 'utf8').replace('2025年全区统一战线工作安排意见', '2025年澄湖区统一战线工作安排意见（修订稿）')));
    expect(readFileSync(output, 'utf8')).toContain('# 2025年澄湖区统一战线工作安排意见（修订稿）');
  });

  it('rebuilds when a template of the repository appears and changes (the cached set is dropped)', async () => {
    const template = path.join(repo, 'templates', 'opinion.md.hbs');
    await editAndWait(() => writeFileSync(template, '# {{title}}\n\n这是监视测试用的模板，第一稿。\n'));
    expect(readFileSync(output, 'utf8')).toContain('第一稿');
    await editAndWait(() => writeFileSync(template, '# {{title}}\n\n这是监视测试用的模板，第二稿。\n'));
    expect(readFileSync(output, 'utf8')).toContain('第二稿');
  });

  it('reports a plan with errors and keeps watching; the fix rebuilds; the configuration is watched too', async () => {
    const good = readFileSync(plan, 'utf8');
    await editAndWait(() => writeFileSync(plan, `${good}\nsecitons: []\n`), /计划有错误，没有生成文件（用时 \d+ 毫秒）$/);
    expect(log).toContain('schema-unknown-key');
    await editAndWait(() => writeFileSync(plan, good));
    await editAndWait(() => writeFileSync(path.join(repo, 'workplan.config.yaml'), 'speech:\n  pace: 200\n'));
    expect(child!.exitCode).toBe(null);
  });

  it('keeps rebuilding after the plan is deleted and made again, as editors that save by rename do', async () => {
    const good = readFileSync(plan, 'utf8');
    await editAndWait(() => unlinkSync(plan), /无法生成（用时 \d+ 毫秒）$/);
    expect(log).toContain('无法读取“plans/plan.yaml”');
    const temp = path.join(repo, 'plans', '.plan.yaml.tmp');
    await editAndWait(() => {
      writeFileSync(temp, good.replace('2025年澄湖区统一战线工作安排意见（修订稿）', '2025年澄湖区统一战线工作安排意见（再次修订）'));
      renameSync(temp, plan);
    });
    expect(readFileSync(output, 'utf8')).toContain('（再次修订）');
    // And the plan is still watched after that: the next save rebuilds too.
    await editAndWait(() => writeFileSync(plan, good));
    expect(readFileSync(output, 'utf8')).toContain('（修订稿）');
  });

  it('ends cleanly on SIGTERM (as on Ctrl-C)', async () => {
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    child!.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
