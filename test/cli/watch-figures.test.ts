/**
 * build --watch on a speech file whose figures come from a plan in another folder: an edit to that
 * plan's progress rebuilds the speech with the new figure.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers.js';

const WAIT_MS = 60_000;

const PLAN = (value: number) => `title: 2025年工作安排意见
date: 2025-02-10
sections:
  - title: 加强思想政治引领
    measures:
      - title: 举办党外代表人士理论研修班
        lead: 区委统战部
        targets: [{ name: 研修班, value: 4, unit: 期 }]
        progress: { status: ongoing, values: { 研修班: ${value} } }
`;

const SPEECH = `kind: speech
figures: ../plans/plan.yaml
speech:
  title: 在推进会上的交流发言
sections:
  - title: 学习教育
    points:
      - 举办理论研修班{=研修班}
`;

describe('build --watch with figures: in another folder', () => {
  const repo = mkdtempSync(path.join(tmpdir(), 'wp-watch-figures-'));
  const plan = path.join(repo, 'plans', 'plan.yaml');
  const output = path.join(repo, 'out', 'speech.md');
  let child: ChildProcess | undefined;
  let log = '';

  const waitForLines = (pattern: RegExp, count: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        if (log.split('\n').filter((line) => pattern.test(line)).length >= count) {
          clearInterval(poll);
          resolve();
        } else if (Date.now() - started > WAIT_MS || child?.exitCode !== null) {
          clearInterval(poll);
          reject(new Error(`没有等到第 ${count} 行 ${pattern}；输出：\n${log}`));
        }
      }, 50);
    });

  afterAll(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
  });

  it('rebuilds the speech when the plan it takes figures from changes', async () => {
    mkdirSync(path.join(repo, 'plans'));
    mkdirSync(path.join(repo, 'speeches'));
    writeFileSync(plan, PLAN(3));
    writeFileSync(path.join(repo, 'speeches', 'speech.yaml'), SPEECH);
    child = spawn(process.execPath, [BIN, 'build', 'speeches/speech.yaml', '--to', 'md', '-o', 'out/', '--watch'], { cwd: repo, env: { ...process.env, NO_COLOR: '1' } });
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    await waitForLines(/^正在监视/, 1);
    expect(readFileSync(output, 'utf8')).toContain('举办理论研修班3期');
    writeFileSync(plan, PLAN(4));
    await waitForLines(/重新生成 1 个文件（用时 \d+ 毫秒）$/, 1);
    const rebuilt = readFileSync(output, 'utf8');
    expect(rebuilt).toContain('举办理论研修班4期');
    expect(rebuilt).not.toContain('3期');
  });
});
