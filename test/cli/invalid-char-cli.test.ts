/**
 * Characters Word cannot open, as a user meets them: check points at each, --fix removes them and
 * nothing else, and with the rule turned off build still writes documents without them.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { hasInvalidChars } from '../../src/text/invalid-chars.js';
import { runCli } from '../helpers.js';

const PLAN = [
  '# 从旧的办公系统里复制出来的计划，夹带了两个看不见的字符。',
  'title: 2025年青禾区统一战线工作\v安排意见',
  'issuer: 青禾区委统战部',
  'date: 2025-01-20',
  'sections:',
  '  - title: 凝聚思想共识',
  '    measures:',
  '      - title: 办好“同心”读书会',
  '        lead: 区委统战部',
  '        text: 每两个月围绕一个主题开展交流\uFFFF，推动学习走深走实。',
  '        due: 年底前',
  '',
].join('\n');

function planDir(config?: string): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'wp-invalid-'));
  const file = path.join(dir, 'plan.yaml');
  writeFileSync(file, PLAN);
  if (config !== undefined) writeFileSync(path.join(dir, 'workplan.config.yaml'), config);
  return { dir, file };
}

interface JsonDiagnostic {
  ruleId: string;
  line: number;
  column: number;
  message: string;
}

describe('invalid-char on the command line', () => {
  it('check reports U+000B and U+FFFF at their line:col; --fix removes them and nothing else', () => {
    const { file } = planDir();
    const r = runCli(['check', '--format', 'json', file]);
    expect(r.status, r.stderr).toBe(1);
    const found = (JSON.parse(r.stdout) as JsonDiagnostic[]).map((d) => [d.ruleId, d.line, d.column]);
    expect(found).toEqual([
      ['invalid-char', 2, 22],
      ['invalid-char', 10, 29],
    ]);
    expect(runCli(['check', file]).stdout).toMatch(/plan\.yaml:2:22  错误  文字中有 XML 不允许的控制字符 U\+000B（垂直制表符 VT）/);

    const fix = runCli(['check', '--fix', file]);
    expect(fix.status, fix.stdout).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(PLAN.replace('\v', '').replace('\uFFFF', ''));
    expect(runCli(['check', file]).status).toBe(0);
  });

  it('with invalid-char off, check is quiet and build still writes no such character into any output', () => {
    const { dir, file } = planDir('rules:\n  invalid-char: off\n');
    expect(runCli(['check', file]).status).toBe(0);
    const out = path.join(dir, 'out');
    const built = runCli(['build', file, '--to', 'docx,md', '-o', out]);
    expect(built.status, built.stderr).toBe(0);
    const tasks = runCli(['build', file, '--doc', 'tasks', '--to', 'xlsx,csv', '-o', out]);
    expect(tasks.status, tasks.stderr).toBe(0);

    const md = readFileSync(path.join(out, 'plan.md'), 'utf8');
    expect(hasInvalidChars(md)).toBe(false);
    expect(md).toContain('2025年青禾区统一战线工作安排意见');
    expect(hasInvalidChars(readFileSync(path.join(out, 'plan-重点任务分工表.csv'), 'utf8'))).toBe(false);
    for (const name of ['plan.docx', 'plan-重点任务分工表.xlsx']) {
      for (const [part, bytes] of Object.entries(unzipSync(readFileSync(path.join(out, name))))) {
        if (!/\.(xml|rels)$/.test(part)) continue;
        const parser = new SaxesParser();
        const errors: string[] = [];
        parser.on('error', (e) => errors.push(e.message));
        const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        parser.write(text).close();
        expect(errors, `${name} ${part}`).toEqual([]);
        expect(hasInvalidChars(text), `${name} ${part}`).toBe(false);
      }
    }
  });

  it('with invalid-char off, status and diff documents carry no such character either (one publishing stage)', () => {
    const { dir, file } = planDir('rules:\n  invalid-char: off\n');
    const out = path.join(dir, 'out');
    const status = runCli(['status', file, '--as-of', '2025-06-30', '--to', 'md,docx,xlsx', '-o', out]);
    expect(status.status, status.stderr).toBe(0);
    const diff = runCli(['diff', file, file, '--to', 'md,docx,xlsx', '-o', out]);
    expect(diff.status, diff.stderr).toBe(0);
    const md = readFileSync(path.join(out, 'plan-督办通报.md'), 'utf8');
    expect(md).toContain('《2025年青禾区统一战线工作安排意见》');
    expect(hasInvalidChars(md)).toBe(false);
    expect(hasInvalidChars(readFileSync(path.join(out, 'plan-对照2025年.md'), 'utf8'))).toBe(false);
    for (const name of ['plan-督办通报.docx', 'plan-督办台账.xlsx', 'plan-对照2025年.docx', 'plan-对照2025年.xlsx']) {
      for (const [part, bytes] of Object.entries(unzipSync(readFileSync(path.join(out, name))))) {
        if (/\.(xml|rels)$/.test(part)) expect(hasInvalidChars(new TextDecoder().decode(bytes)), `${name} ${part}`).toBe(false);
      }
    }
  });
});
