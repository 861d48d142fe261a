/** `workplan import` as a user runs it: the built binary, real files, exit codes, no stack traces. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';

const STREET = path.join(ROOT, 'test', 'fixtures', 'import', 'street-plan');
const tmp = () => mkdtempSync(path.join(tmpdir(), 'wp-import-cli-'));
const noTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |Error:/);

describe('workplan import (built binary)', () => {
  it('writes the plan beside the source, lists the web noise it removed, and the result passes check', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, '街道意见.txt'), readFileSync(path.join(STREET, 'source.txt')));
    const r = runCli(['import', '街道意见.txt'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('已去掉网页杂项');
    expect(r.stderr).toContain('浏览次数');
    expect(r.stderr).toMatch(/已导入 街道意见\.txt → 街道意见\.yaml/);
    const plan = readFileSync(path.join(dir, '街道意见.yaml'), 'utf8');
    expect(plan.startsWith('# yaml-language-server: $schema=')).toBe(true);
    const check = runCli(['check', '街道意见.yaml', '--format', 'json'], { cwd: dir });
    const ids = (JSON.parse(check.stdout) as { ruleId: string }[]).map((d) => d.ruleId);
    expect(ids.filter((id) => /^(yaml|schema)-/.test(id))).toEqual([]);
  });

  it('refuses to overwrite an existing plan without --force (exit 2), and replaces it whole with --force', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.txt'), readFileSync(path.join(STREET, 'source.txt')));
    writeFileSync(path.join(dir, 'a.yaml'), '# 我的计划\n');
    const refused = runCli(['import', 'a.txt'], { cwd: dir });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('已存在');
    noTrace(refused.stderr);
    expect(readFileSync(path.join(dir, 'a.yaml'), 'utf8')).toBe('# 我的计划\n');
    expect(runCli(['import', 'a.txt', '--force'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(path.join(dir, 'a.yaml'), 'utf8')).toContain('title: 南塘街道2026年统一战线工作安排意见');
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('reads standard input and writes standard output; --stdin-format md reads it as Markdown', () => {
    const r = runCli(['import', '-'], { input: readFileSync(path.join(STREET, 'source.txt'), 'utf8') });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('title: 南塘街道2026年统一战线工作安排意见');
    const md = runCli(['import', '-', '--stdin-format', 'md'], { input: '# 2026年工作要点\n\n**（一）抓好学习。**每月集中学习一次。\n' });
    expect(md.status, md.stderr).toBe(0);
    expect(md.stdout).toContain('title: 抓好学习');
  });

  it('writes several sources into the folder -o names', () => {
    const dir = tmp();
    const out = path.join(dir, 'plans');
    for (const name of ['甲.txt', '乙.txt']) writeFileSync(path.join(dir, name), readFileSync(path.join(STREET, 'source.txt')));
    const r = runCli(['import', path.join(dir, '甲.txt'), path.join(dir, '乙.txt'), '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['乙.yaml', '甲.yaml'].sort());
  });

  it('gives each unusable source a Chinese message and exit 2, leaving no output behind', () => {
    const dir = tmp();
    const cases: [string, Buffer | string | null, RegExp][] = [
      ['missing.docx', null, /不存在|找不到|无法读取/],
      ['old.doc', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), /另存为 \.docx/],
      ['empty.txt', '', /空文件/],
      ['binary.txt', Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10]), /不是文本文件/],
      ['broken.docx', Buffer.from('PK\u0003\u0004 not really a zip'), /./],
    ];
    for (const [name, content, message] of cases) {
      if (content !== null) writeFileSync(path.join(dir, name), content);
      const r = runCli(['import', name], { cwd: dir });
      expect(r.status, `${name}: ${r.stderr}`).toBe(2);
      expect(r.stderr, name).toMatch(message);
      noTrace(r.stderr);
      expect(existsSync(path.join(dir, name.replace(/\.\w+$/, '.yaml'))), name).toBe(false);
    }
    const big = path.join(dir, 'big.txt');
    writeFileSync(big, '');
    truncateSync(big, 51 * 1024 * 1024);
    const r = runCli(['import', 'big.txt'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/过大/);
    expect(existsSync(path.join(dir, 'big.yaml'))).toBe(false);
  });

  it('keeps the text verbatim, and applies check --fix\'s safe fixes only with --fix', () => {
    const input = '2026年工作要点\n一、加强学习\n1.组织学习。每月集中学习一次,做好记录。\n中共某某委员会\n2026年1月5日\n';
    const plain = runCli(['import', '-'], { input });
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('每月集中学习一次,做好记录。');
    const fixed = runCli(['import', '-', '--fix'], { input });
    expect(fixed.status, fixed.stderr).toBe(0);
    expect(fixed.stdout).toContain('每月集中学习一次，做好记录。');
  });

  it('rejects an unknown --kind with exit 2', () => {
    const r = runCli(['import', path.join(STREET, 'source.txt'), '--kind', 'poem', '-o', '-']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--kind');
  });

  it('--kind speech reads a document as a speech', () => {
    const r = runCli(['import', '-', '--kind', 'speech'], { input: '在座谈会上的发言\n各位领导：\n开场的话。\n一、第一件事\n做了哪些工作。\n谢谢大家！\n' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('kind: speech');
    expect(r.stdout).toContain('closing: 谢谢大家！');
  });
});
