/** CLI scenarios as data, run against the real built binary (bin/workplan.js → dist/). */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';

const FIX = 'test/fixtures/check';
const EXAMPLE = 'plans/2025-工作安排意见.yaml';

interface Scenario {
  name: string;
  args: string[];
  exitCode: number;
  stdout?: RegExp;
  stderr?: RegExp;
  env?: Record<string, string>;
}

const scenarios: Scenario[] = [
  { name: 'the example plans are clean', args: ['check', 'plans/'], exitCode: 0, stdout: /没有发现问题/ },
  { name: 'no path means plans/', args: ['check'], exitCode: 0, stdout: /已检查 \d+ 个文件/ },
  { name: 'a bad plan exits 1 with file:line:col', args: ['check', `${FIX}/unknown-key/plan.yaml`], exitCode: 1, stdout: /unknown-key\/plan\.yaml:3:1  错误  未知的键“secitons”，是否应为“sections”？  schema-unknown-key/ },
  { name: 'summary counts errors', args: ['check', `${FIX}/wrong-type`], exitCode: 1, stdout: /3 个错误，0 个警告/ },
  { name: 'a missing path is a usage error', args: ['check', 'no/such/file.yaml'], exitCode: 2, stderr: /无法读取“no\/such\/file\.yaml”：文件或目录不存在/ },
  { name: 'an unknown format is a usage error', args: ['check', '--format', 'xml'], exitCode: 2, stderr: /--format.*“xml”无效/ },
  { name: 'an unknown option is a usage error', args: ['check', '--bogus'], exitCode: 2, stderr: /未知的选项“--bogus”/ },
  { name: 'an unknown command is a usage error', args: ['chek'], exitCode: 2, stderr: /未知的命令“chek”，是否应为 check？/ },
  { name: 'a bad --max-warnings is a usage error', args: ['check', '--max-warnings', 'x'], exitCode: 2, stderr: /--max-warnings 应为非负整数/ },
  { name: '--help teaches in Chinese', args: ['--help'], exitCode: 0, stdout: /用法：[\s\S]*退出码/ },
  { name: 'check --help explains formats', args: ['check', '--help'], exitCode: 0, stdout: /github\s+GitHub Actions/ },
  { name: '--version prints the package version', args: ['--version'], exitCode: 0, stdout: new RegExp(`^${(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version.replace(/\./g, '\\.')}\\n$`) },
  { name: 'schema prints draft-07', args: ['schema'], exitCode: 0, stdout: /"\$schema": "http:\/\/json-schema\.org\/draft-07\/schema#"/ },
];

describe('workplan check (built binary)', () => {
  for (const s of scenarios) {
    it('stops with exit 2 and a Chinese message when the repository config exists but cannot be read', () => {
    // A folder where the file should be: the config is there but unreadable (root ignores chmod).
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-config-unreadable-'));
    mkdirSync(path.join(dir, 'workplan.config.yaml'));
    cpSync(path.join(ROOT, EXAMPLE), path.join(dir, 'plan.yaml'));
    const r = runCli(['check', 'plan.yaml'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('workplan.config.yaml');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it(s.name, () => {
      const r = runCli(s.args, { env: s.env });
      expect(r.status, r.stderr).toBe(s.exitCode);
      if (s.stdout) expect(r.stdout).toMatch(s.stdout);
      if (s.stderr) expect(r.stderr).toMatch(s.stderr);
      expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    });
  }

  it('every problem fixture exits 1 with a Chinese message, a rule id and no stack trace', () => {
    const cases = ['yaml-syntax', 'duplicate-key', 'tab-indent', 'wrong-type', 'missing-required', 'unknown-key', 'invalid-date', 'empty-string', 'not-utf8', 'empty-file', 'alias-bomb', 'root-not-mapping'];
    for (const c of cases) {
      const file = `${FIX}/${c}/plan.yaml`;
      const r = runCli(['check', file]);
      expect(r.status, c).toBe(1);
      expect(r.stdout, c).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+  错误  \\p{Script=Han}.*  [a-z]+(-[a-z0-9]+)+`, 'u'));
      expect(r.stderr + r.stdout, c).not.toMatch(/\bat .+\.js:\d+/);
    }
  });

  it('a file over 16 MB exits 1 with file-too-large', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-cli-big-'));
    writeFileSync(path.join(dir, 'big.yaml'), Buffer.alloc(16 * 1024 * 1024 + 10, 0x23));
    const r = runCli(['check', 'big.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('big.yaml:1:1  错误');
    expect(r.stdout).toContain('file-too-large');
  });

  it('--format json is an array of Diagnostics', () => {
    const r = runCli(['check', '--format', 'json', `${FIX}/invalid-date/plan.yaml`, `${FIX}/unknown-key/plan.yaml`]);
    expect(r.status).toBe(1);
    const list = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(list.length).toBe(6);
    for (const d of list) {
      expect(Object.keys(d)).toEqual(expect.arrayContaining(['ruleId', 'severity', 'message', 'file', 'line', 'column', 'path']));
    }
  });

  it('--format json of a clean plan is an empty array', () => {
    const r = runCli(['check', '--format', 'json', EXAMPLE]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it('--format github lines follow the workflow-command grammar', () => {
    const r = runCli(['check', '--format', 'github', `${FIX}`]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      expect(line).toMatch(/^::(error|warning) file=[^,:\r\n]+,line=\d+,col=\d+(,endLine=\d+)?(,endColumn=\d+)?,title=[a-z0-9-]+::[^\r\n]+$/);
    }
  });

  it('NO_COLOR and --no-color turn colour off; FORCE_COLOR turns it on', () => {
    const file = `${FIX}/unknown-key/plan.yaml`;
    expect(runCli(['check', file], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).toMatch(/\x1b\[/);
    expect(runCli(['check', file], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
    expect(runCli(['check', '--no-color', file], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
  });

  it('--max-warnings turns too many warnings into exit 1', () => {
    // A clean plan has no warnings, so 0 is within the limit.
    expect(runCli(['check', '--max-warnings', '0', EXAMPLE]).status).toBe(0);
  });

  it('reports a bad workplan.config.yaml at its line, like a plan', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-config-'));
    cpSync(path.join(ROOT, EXAMPLE), path.join(dir, 'plan.yaml'));
    writeFileSync(path.join(dir, 'workplan.config.yaml'), '# 设置\nspeech:\n  pase: 200\nrules:\n  speech-too-long: loud\n');
    const r = runCli(['check', 'plan.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('workplan.config.yaml:3:3  错误  未知的键“pase”，是否应为“pace”？  schema-unknown-key');
    expect(r.stdout).toMatch(/workplan\.config\.yaml:5:20  错误  .*“loud”无效：应为 off、warning、error 之一/);
  });

  it('reads a plan from standard input with -, reporting <stdin>:line:col', () => {
    expect(runCli(['check', '-'], { input: readFileSync(path.join(ROOT, EXAMPLE), 'utf8') }).status).toBe(0);
    const bad = readFileSync(path.join(ROOT, FIX, 'unknown-key', 'plan.yaml'), 'utf8');
    const r = runCli(['check', '-', '--format', 'json'], { input: bad });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toContainEqual(expect.objectContaining({ file: '<stdin>', line: 3, column: 1, ruleId: 'schema-unknown-key' }));
    // --fix has no file to write back to.
    const fix = runCli(['check', '-', '--fix'], { input: bad });
    expect(fix.status).toBe(2);
    expect(fix.stderr).toContain('不能用于标准输入');
  });

  it('checks a directory of 50 plans in one process', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-50-'));
    mkdirSync(path.join(dir, 'nested', 'deeper'), { recursive: true });
    for (let i = 0; i < 50; i++) {
      const sub = i % 2 ? 'nested' : path.join('nested', 'deeper');
      cpSync(path.join(ROOT, EXAMPLE), path.join(dir, sub, `plan-${i}.${i % 5 ? 'yaml' : 'yml'}`));
    }
    // The repository's settings sit beside the plans but are not a plan.
    writeFileSync(path.join(dir, 'workplan.config.yaml'), 'speech:\n  pace: 200\n');
    const r = runCli(['check', dir]);
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toContain('已检查 50 个文件');
  });
});
