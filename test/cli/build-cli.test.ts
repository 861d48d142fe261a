/** `workplan build` as a user runs it: the built binary, real files, exit codes. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../helpers.js';

const EXAMPLE = path.join(ROOT, 'plans', '2025-工作安排意见.yaml');
const tmp = (prefix: string) => mkdtempSync(path.join(tmpdir(), `wp-${prefix}-`));
/**
 * The text a reader sees in document.xml: the runs' text, without the U+2060 joiners that keep a
 * figure with its unit (a unit stands in a run of its own).
 */
const docText = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('').replaceAll('\u2060', '');

describe('workplan build (built binary)', () => {
  it('writes out/<plan>.docx by default, creating the folder', () => {
    const dir = tmp('default');
    cpSync(EXAMPLE, path.join(dir, 'plan.yaml'));
    const r = runCli(['build', 'plan.yaml'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('已生成 out/plan.docx');
    const bytes = readFileSync(path.join(dir, 'out', 'plan.docx'));
    expect(docText(strFromU8(unzipSync(bytes)['word/document.xml']!))).toContain('2025年全区统一战线工作安排意见');
  });

  it('-o takes a file or a (missing, nested) folder; --to takes several formats', () => {
    const dir = tmp('out');
    expect(runCli(['build', EXAMPLE, '-o', path.join(dir, 'a', 'b', 'x.docx')]).status).toBe(0);
    expect(existsSync(path.join(dir, 'a', 'b', 'x.docx'))).toBe(true);
    expect(runCli(['build', EXAMPLE, '--to', 'docx,md', '-o', path.join(dir, 'folder')]).status).toBe(0);
    expect(readdirSync(path.join(dir, 'folder')).sort()).toEqual(['2025-工作安排意见.docx', '2025-工作安排意见.md']);
  });

  it('builds several plans in one process', () => {
    const dir = tmp('many');
    for (const name of ['一.yaml', '二.yaml', '三.yaml']) cpSync(EXAMPLE, path.join(dir, 'plans', name), { recursive: true });
    const r = runCli(['build', path.join(dir, 'plans'), '-o', path.join(dir, 'out')]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['一.docx', '三.docx', '二.docx'].sort());
  });

  it('keeps two plans of the same name in different folders apart, under their folders', () => {
    const dir = tmp('same-name');
    for (const district of ['东区', '西区']) cpSync(EXAMPLE, path.join(dir, 'plans', district, '要点.yaml'), { recursive: true });
    writeFileSync(path.join(dir, 'plans', '西区', '要点.yaml'), readFileSync(EXAMPLE, 'utf8').replace('2025年全区统一战线工作安排意见', '2025年西区统一战线工作安排意见'));
    const r = runCli(['build', 'plans', '--to', 'md'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'out', '东区', '要点.md'), 'utf8')).toContain('2025年全区统一战线工作安排意见');
    expect(readFileSync(path.join(dir, 'out', '西区', '要点.md'), 'utf8')).toContain('2025年西区统一战线工作安排意见');
  });

  it('writes Markdown to stdout with -o -', () => {
    const r = runCli(['build', EXAMPLE, '--to', 'md', '-o', '-']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('\n# 2025年全区统一战线工作安排意见\n');
    expect(r.stdout).toContain('## 六、');
  });

  it('stops an invalid plan with the same diagnostics and exit code as check, writing nothing', () => {
    const dir = tmp('invalid');
    const bad = path.join(ROOT, 'test', 'fixtures', 'check', 'unknown-key', 'plan.yaml');
    cpSync(EXAMPLE, path.join(dir, 'good.yaml'));
    cpSync(bad, path.join(dir, 'bad.yaml'));
    const build = runCli(['build', 'good.yaml', 'bad.yaml'], { cwd: dir });
    const check = runCli(['check', 'good.yaml', 'bad.yaml'], { cwd: dir });
    expect(build.status).toBe(1);
    expect(build.stdout).toBe(check.stdout);
    expect(check.status).toBe(1);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('refuses to overwrite the input plan', () => {
    const dir = tmp('input');
    const plan = path.join(dir, 'plan.md');
    writeFileSync(plan, readFileSync(EXAMPLE));
    const r = runCli(['build', plan, '--to', 'md', '-o', plan]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('拒绝覆盖');
    expect(readFileSync(plan)).toEqual(readFileSync(EXAMPLE));
  });

  it('rejects contradictory output options with exit 2', () => {
    expect(runCli(['build', EXAMPLE, '--to', 'docx,md', '-o', 'x.docx']).status).toBe(2);
    expect(runCli(['build', EXAMPLE, '--to', 'odt']).status).toBe(2);
    expect(runCli(['build', EXAMPLE, '--to', 'md', '-o', 'x.docx']).status).toBe(2);
    expect(runCli(['build', EXAMPLE, '--doc', 'memo']).status).toBe(2);
  });

  it('leaves no temporary files and replaces an existing output whole', () => {
    const dir = tmp('atomic');
    const out = path.join(dir, 'x.docx');
    writeFileSync(out, 'old');
    expect(runCli(['build', EXAMPLE, '-o', out]).status).toBe(0);
    expect(readdirSync(dir)).toEqual(['x.docx']);
    expect(statSync(out).size).toBeGreaterThan(5000);
  });

  it('builds a plan piped in with -, to the file -o names or to standard output', () => {
    const input = readFileSync(EXAMPLE, 'utf8');
    const md = runCli(['build', '-', '--to', 'md', '-o', '-'], { input });
    expect(md.status, md.stderr).toBe(0);
    expect(md.stdout).toBe(runCli(['build', EXAMPLE, '--to', 'md', '-o', '-']).stdout);
    const dir = tmp('stdin');
    const docx = runCli(['build', '-', '-o', path.join(dir, 'piped.docx')], { input });
    expect(docx.status, docx.stderr).toBe(0);
    expect(existsSync(path.join(dir, 'piped.docx'))).toBe(true);
    // Without -o there is no file name to derive the output's from.
    const bare = runCli(['build', '-'], { input, cwd: dir });
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('请用 -o 给出输出文件');
  });

  it('is byte-identical across builds made at different times', async () => {
    const dir = tmp('repro');
    expect(runCli(['build', EXAMPLE, '-o', path.join(dir, 'a.docx')]).status).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(runCli(['build', EXAMPLE, '-o', path.join(dir, 'b.docx')]).status).toBe(0);
    const a = readFileSync(path.join(dir, 'a.docx'));
    expect(a.equals(readFileSync(path.join(dir, 'b.docx')))).toBe(true);
    const core = strFromU8(unzipSync(a)['docProps/core.xml']!);
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-01-10T00:00:00Z</dcterms:created>');
  });

  it('takes the document date from SOURCE_DATE_EPOCH when set', () => {
    const dir = tmp('epoch');
    const r = runCli(['build', EXAMPLE, '-o', path.join(dir, 'e.docx')], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(r.status).toBe(0);
    const core = strFromU8(unzipSync(readFileSync(path.join(dir, 'e.docx')))['docProps/core.xml']!);
    expect(core).toContain('2023-11-14T22:13:20Z');
  });

  it("uses the plan repository's own templates/ over the built-in ones, by file name", () => {
    const dir = tmp('override');
    mkdirSync(path.join(dir, 'plans'));
    mkdirSync(path.join(dir, 'templates', 'partials'), { recursive: true });
    writeFileSync(path.join(dir, 'workplan.config.yaml'), '# 仓库配置\n');
    cpSync(EXAMPLE, path.join(dir, 'plans', 'p.yaml'));
    writeFileSync(path.join(dir, 'templates', 'partials', 'measure.md.hbs'), '{{numbering 3 @index}}【自定义】{{title}}\n\n');
    const r = runCli(['build', 'plans/p.yaml', '--to', 'md', '-o', '-'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    // At a line start “1.” would open a list, so the Markdown emitter writes it escaped.
    expect(r.stdout).toContain('1\\.【自定义】深入学习贯彻党的创新理论');
    // The built-in opinion template still drives the rest.
    expect(r.stdout).toContain('## 一、坚持思想引领');
  });

  it('writes the canonical unit name where a plan used an alias from the registry', () => {
    const dir = tmp('units');
    writeFileSync(path.join(dir, 'workplan.config.yaml'), 'units:\n  - name: 区委统战部\n    aliases: [统战部]\n  - name: 区工商联\n');
    writeFileSync(
      path.join(dir, 'p.yaml'),
      'title: 2025年工作要点\ndate: 2025-01-08\nsections:\n  - title: 抓好学习\n    measures:\n      - title: 办好读书班\n        lead: 统战部\n        responsible: [区工商联]\n',
    );
    const r = runCli(['build', 'p.yaml', '--owners', '--to', 'md', '-o', '-'], { cwd: dir });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('（牵头单位：区委统战部；责任单位：区工商联）');
  });

  it('build --check exits 0 right after a build and 1, naming each file, after a plan edit', () => {
    const dir = tmp('check');
    cpSync(EXAMPLE, path.join(dir, 'plans', 'p.yaml'), { recursive: true });
    expect(runCli(['build', 'plans/', '--to', 'docx,md'], { cwd: dir }).status).toBe(0);
    const fresh = runCli(['build', 'plans/', '--to', 'docx,md', '--check'], { cwd: dir });
    expect(fresh.status, fresh.stdout).toBe(0);
    expect(fresh.stdout).toContain('2 个文稿都与计划一致');
    const plan = path.join(dir, 'plans', 'p.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('全面贯彻党的二十大', '深入贯彻党的二十大'));
    const stale = runCli(['build', 'plans/', '--to', 'docx,md', '--check'], { cwd: dir });
    expect(stale.status).toBe(1);
    expect(stale.stdout).toContain(`过期 ${path.join('out', 'p.docx')}：内容不同`);
    expect(stale.stdout).toContain(`过期 ${path.join('out', 'p.md')}：内容不同`);
    // --check never writes.
    expect(runCli(['build', 'plans/', '--check'], { cwd: dir }).status).toBe(1);
  });

  it("applies a repository's config only to its own plans, not to plans elsewhere", () => {
    const dir = tmp('scope');
    writeFileSync(path.join(dir, 'workplan.config.yaml'), 'units:\n  - name: 只有这一个单位\n');
    const r = runCli(['check', EXAMPLE], { cwd: dir });
    expect(r.status, r.stdout).toBe(0);
  });

  it('--letterhead: red prints the 标志 and red rule, preprinted leaves their space, none leaves them out (and says so of the 发文字号)', () => {
    const dir = tmp('letterhead');
    const stderr: Record<string, string> = {};
    const xml = (mode: string) => {
      const out = path.join(dir, `${mode}.docx`);
      const r = runCli(['build', EXAMPLE, '--letterhead', mode, '-o', out]);
      expect(r.status).toBe(0);
      stderr[mode] = r.stderr;
      return strFromU8(unzipSync(readFileSync(out))['word/document.xml']!);
    };
    const red = xml('red');
    expect(red).toMatch(/<w:color w:val="FF0000"\/>[\s\S]*中共澄湖区委统战部文件/);
    expect(red).toMatch(/<w:bottom [^>]*w:color="FF0000"/);
    const preprinted = xml('preprinted');
    expect(preprinted).not.toContain('中共澄湖区委统战部文件');
    expect(preprinted).not.toMatch(/w:color="FF0000"/);
    expect(preprinted).toContain('<w:pStyle w:val="Letterhead"/>');
    expect(docText(preprinted)).toContain('澄统发〔2025〕1号');
    const none = xml('none');
    expect(none).not.toContain('Letterhead');
    expect(docText(none)).not.toContain('澄统发〔2025〕1号');
    // Not silently: GB/T 9704 puts the 发文字号 in the 版头, which --letterhead none leaves out.
    expect(stderr.none).toMatch(/发文字号“澄统发〔2025〕1号”没有印出.*number-unprinted/);
    expect(stderr.red).not.toContain('number-unprinted');
  });

  it('reports a broken template as a usage error, not a stack trace', () => {
    const dir = tmp('badtpl');
    mkdirSync(path.join(dir, 'templates'), { recursive: true });
    writeFileSync(path.join(dir, 'workplan.config.yaml'), '\n');
    cpSync(EXAMPLE, path.join(dir, 'p.yaml'));
    writeFileSync(path.join(dir, 'templates', 'opinion.md.hbs'), '# {{title}}\n\n{{nosuchfield}}\n');
    const r = runCli(['build', 'p.yaml'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/模板 .*opinion\.md\.hbs 渲染失败/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('fast start', () => {
  // The CLI ships bundled (dist/bundle/, CommonJS), so a library shows up as code inside the files a
  // command loads, not as a node_modules path. Each marker is a string only that library contains.
  const MARKERS = {
    yaml: 'Implicit keys need to be on a single line',
    docx: 'wordprocessingml/2006/main',
    handlebars: 'You must pass a string or Handlebars AST to Handlebars.compile',
    mdast: 'Cannot close document, a token',
  };
  /** The libraries whose code the command loads. */
  const loaded = (args: string[]) => {
    const file = path.join(tmp('trace'), 'trace.txt');
    writeFileSync(file, '');
    const r = spawnSync(process.execPath, ['--require', path.join(ROOT, 'test', 'cli', 'trace-requires.cjs'), BIN, ...args], {
      env: { ...process.env, TRACE_FILE: file },
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const urls = readFileSync(file, 'utf8').split('\n').filter((u) => u.startsWith('file:'));
    const code = [...new Set(urls)].map((u) => readFileSync(fileURLToPath(u), 'utf8')).join('\n');
    const builtins = readFileSync(file, 'utf8').split('\n').filter((u) => u.startsWith('builtin:')).map((u) => u.slice('builtin:'.length));
    return { urls, builtins, libraries: Object.entries(MARKERS).filter(([, marker]) => code.includes(marker)).map(([name]) => name) };
  };

  it('check never loads docx, handlebars or the Markdown parser; build does', () => {
    const check = loaded(['check', EXAMPLE]);
    expect(check.libraries).toEqual(['yaml']);
    const build = loaded(['build', EXAMPLE, '--to', 'md', '-o', path.join(tmp('trace-out'), 'x.md')]);
    expect(build.libraries).toEqual(['yaml', 'docx', 'handlebars', 'mdast']);
  });

  it('check of a plan loads neither node:crypto nor node:v8; --shard, which hashes paths, loads crypto', () => {
    const check = loaded(['check', EXAMPLE]);
    expect(check.builtins).toContain('fs');
    expect(check.builtins).not.toContain('crypto');
    expect(check.builtins).not.toContain('v8');
    expect(loaded(['check', '--shard', '1/1', EXAMPLE]).builtins).toContain('crypto');
  });

  it('runs from the bundle, without resolving dependencies at run time', () => {
    const { urls } = loaded(['check', EXAMPLE]);
    expect(urls.some((u) => u.includes('/dist/bundle/'))).toBe(true);
    expect(urls.filter((u) => u.includes('/node_modules/'))).toEqual([]);
  });
});

