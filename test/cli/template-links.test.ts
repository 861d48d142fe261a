/** Issue 26: a template is read only from inside the plan repository's templates folder (real paths). */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';

const EXAMPLE = path.join(ROOT, 'plans', '2025-工作安排意见.yaml');
const SECRET = 'SECRET-LINE-4f1c9a';

/** A plan repository beside a folder it must not read from. */
function repository(): { dir: string; outside: string } {
  const base = mkdtempSync(path.join(tmpdir(), 'wp-tpl-link-'));
  const dir = path.join(base, 'repo');
  const outside = path.join(base, 'outside');
  mkdirSync(path.join(dir, 'templates', 'partials'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(dir, 'workplan.config.yaml'), '\n');
  cpSync(EXAMPLE, path.join(dir, 'p.yaml'));
  writeFileSync(path.join(outside, 'passwd'), `${SECRET}\n`);
  return { dir, outside };
}

const build = (dir: string) => runCli(['build', 'p.yaml', '--to', 'md', '-o', '-'], { cwd: dir });

describe('templates stay inside the repository', () => {
  it('refuses a template linked to a file outside, without reading it', () => {
    const { dir, outside } = repository();
    symlinkSync(path.join(outside, 'passwd'), path.join(dir, 'templates', 'opinion.md.hbs'));
    const r = build(dir);
    expect(r.status).toBe(2);
    expect(r.stdout).not.toContain(SECRET);
    expect(r.stderr).toMatch(/模板 .*opinion\.md\.hbs 指向模板文件夹以外的 .*passwd，拒绝读取/);
    expect(r.stderr).not.toMatch(/\n\s+at |内部错误/);
  });

  it('refuses a partial linked outside, and a partials folder that is a link to outside', () => {
    const one = repository();
    symlinkSync(path.join(one.outside, 'passwd'), path.join(one.dir, 'templates', 'partials', 'measure.md.hbs'));
    const r = build(one.dir);
    expect(r.status).toBe(2);
    expect(r.stdout).not.toContain(SECRET);
    expect(r.stderr).toMatch(/measure\.md\.hbs 指向模板文件夹以外的/);

    const two = repository();
    writeFileSync(path.join(two.outside, 'measure.md.hbs'), `${SECRET}\n`);
    const partials = path.join(two.dir, 'templates', 'partials');
    rmSync(partials, { recursive: true });
    symlinkSync(two.outside, partials);
    const r2 = build(two.dir);
    expect(r2.status).toBe(2);
    expect(r2.stdout).not.toContain(SECRET);
    expect(r2.stderr).toMatch(/拒绝读取/);
  });

  it('refuses a templates folder that is itself a link to elsewhere', () => {
    const { dir, outside } = repository();
    writeFileSync(path.join(outside, 'opinion.md.hbs'), `${SECRET}\n`);
    rmSync(path.join(dir, 'templates'), { recursive: true });
    symlinkSync(outside, path.join(dir, 'templates'));
    const r = build(dir);
    expect(r.status).toBe(2);
    expect(r.stdout).not.toContain(SECRET);
    expect(r.stderr).toMatch(/模板文件夹 .*templates 是指向别处.*的链接，拒绝读取/);
  });

  it('status refuses a linked 督办通报 template with the same message, not as an internal error', () => {
    const { dir, outside } = repository();
    symlinkSync(path.join(outside, 'passwd'), path.join(dir, 'templates', 'status.md.hbs'));
    const r = runCli(['status', 'p.yaml', '--as-of', '2025-09-30', '--to', 'md', '-o', 'out'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/模板 .*status\.md\.hbs 指向模板文件夹以外的/);
    expect(r.stderr).not.toMatch(/\n\s+at |内部错误/);
  });

  it('still reads a template linked to another file inside the templates folder', () => {
    const { dir } = repository();
    writeFileSync(path.join(dir, 'templates', 'partials', 'mine.md.hbs'), '{{numbering 3 @index}}【链接】{{title}}\n\n');
    symlinkSync('mine.md.hbs', path.join(dir, 'templates', 'partials', 'measure.md.hbs'));
    const r = build(dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('【链接】深入学习贯彻党的创新理论');
  });
});
