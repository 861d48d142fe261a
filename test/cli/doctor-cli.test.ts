/**
 * workplan doctor and build --require-fonts. fontconfig is replaced by small scripts on PATH where
 * the answer must not depend on the machine: which fonts are "installed", and which file stands in.
 */
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT } from '../../src/emit/docx/gbt9704.js';
import type { SystemReport } from '../../src/pipeline/inspect-system.js';
import { ROOT, runCli } from '../helpers.js';

const NAMES = [...new Set(Object.values(FONT))];
const PLAN = path.join(ROOT, 'plans', '2025-工作安排意见.yaml');
const FONTS = {
  dejavu: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  liberation: '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf',
  noto: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
};

/** A PATH with only fake fc-list and fc-match (no soffice, no pandoc). */
function fakeFontconfig(listed: string[], matchCjk: string, matchLatin: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'wp-fontconfig-'));
  const script = (name: string, body: string) => {
    writeFileSync(path.join(dir, name), `#!/bin/sh\n${body}\n`);
    chmodSync(path.join(dir, name), 0o755);
  };
  script('fc-list', listed.map((name) => `echo '${name}'`).join('\n') || 'true');
  // fc-match --format FORMAT PATTERN: Chinese faces are asked for with :lang=zh-cn.
  script('fc-match', `case "$3" in *lang=zh-cn) printf '%s' '${matchCjk}' ;; *) printf '%s' '${matchLatin}' ;; esac`);
  return dir;
}

function doctorJson(env: Record<string, string> = {}): SystemReport {
  const r = runCli(['doctor', '--format', 'json'], { env });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as SystemReport;
}

describe('workplan doctor', () => {
  it('lists every font the documents name with its roles, then LibreOffice and pandoc, in Chinese', () => {
    const r = runCli(['doctor']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^workplan \d+\.\d+\.\d+（Node v\d+\.\d+\.\d+，\w+ \w+）$/);
    expect(lines).toContain('软件');
    expect(lines.some((l) => l.startsWith('字体（文稿中指定的字体；'))).toBe(true);
    // Each face: a mark, its name and roles, then a line saying installed or what stands in and why.
    for (const name of NAMES) {
      const at = lines.findIndex((l) => new RegExp(`^  [✔≈✖?] ${name} +\\S`).test(l));
      expect(at, name).toBeGreaterThan(0);
      expect(lines[at + 1]).toMatch(/^ {6}(已安装|未安装)/);
    }
    expect(lines.some((l) => /^  [✔✖] LibreOffice /.test(l))).toBe(true);
    expect(lines.some((l) => /^  [✔✖] pandoc /.test(l))).toBe(true);
    expect(r.stdout).toContain('判断方法：正文行距是固定值');
  });

  it('gives the same facts as JSON', () => {
    const report = doctorJson();
    expect(report.fonts.fonts.map((f) => f.name)).toEqual(NAMES);
    for (const font of report.fonts.fonts) expect(['installed', 'same', 'moves', 'unknown']).toContain(font.effect);
    expect(report.tools.map((t) => t.name)).toEqual(['LibreOffice', 'pandoc']);
  });

  it('says a face is installed when fontconfig lists it, and reports missing programs with how to install them', () => {
    const report = doctorJson({ PATH: fakeFontconfig(NAMES, '', '') });
    expect(report.fonts.method).toBe('fontconfig');
    expect(report.fonts.fonts.every((f) => f.installed && f.effect === 'installed')).toBe(true);
    expect(report.tools.every((t) => t.path === undefined && t.install.includes('apt-get install'))).toBe(true);
    const text = runCli(['doctor'], { env: { PATH: fakeFontconfig(NAMES, '', '') } }).stdout;
    expect(text).toContain(`文稿所用的 ${NAMES.length} 种字体都已安装。`);
    expect(text).toMatch(/✖ LibreOffice +未找到\n +build --to pdf.*；安装：Debian\/Ubuntu：sudo apt-get install libreoffice-writer-nogui/);
  });

  it.skipIf(!existsSync(FONTS.dejavu))('judges a stand-in without Han glyphs unknown, and wider digits as moving lines', () => {
    const report = doctorJson({ PATH: fakeFontconfig([], `DejaVu Sans\t${FONTS.dejavu}\t0`, `DejaVu Sans\t${FONTS.dejavu}\t0`) });
    const byName = new Map(report.fonts.fonts.map((f) => [f.name, f]));
    expect(byName.get('仿宋_GB2312')).toMatchObject({ installed: false, substitute: { family: 'DejaVu Sans' }, effect: 'unknown' });
    expect(byName.get('仿宋_GB2312')!.detail).toContain('缺少');
    // DejaVu Sans digits are 0.64 em against Times New Roman's 0.5: 27% wider.
    expect(byName.get('Times New Roman')).toMatchObject({ effect: 'moves' });
    expect(byName.get('Times New Roman')!.detail).toMatch(/数字宽度相差 27\.\d%/);
  });

  it.skipIf(!existsSync(FONTS.liberation) || !existsSync(FONTS.noto))('judges Noto CJK and Liberation Serif as keeping the line breaks', () => {
    const report = doctorJson({ PATH: fakeFontconfig([], `Noto Serif CJK SC\t${FONTS.noto}\t2`, `Liberation Serif\t${FONTS.liberation}\t0`) });
    for (const font of report.fonts.fonts) expect(font, font.name).toMatchObject({ installed: false, effect: 'same' });
    expect(report.fonts.fonts.find((f) => f.name === 'Times New Roman')!.detail).toContain('数字宽度相差 0.0%，字母相差 0.0%');
  });

  it.skipIf(process.platform !== 'linux' || !existsSync('/usr/share/fonts'))('reads the font folders for names where there is no fontconfig', () => {
    const report = doctorJson({ PATH: mkdtempSync(path.join(tmpdir(), 'wp-nofc-')) });
    expect(report.fonts.method).toBe('folders');
    expect(report.fonts.folders).toContain('/usr/share/fonts');
  });
});

describe('build --require-fonts', () => {
  it('builds when every named font is installed', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'wp-fonts-ok-')), 'plan.docx');
    const r = runCli(['build', PLAN, '--require-fonts', '-o', out], { env: { PATH: fakeFontconfig(NAMES, '', '') } });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('stops with exit 2, naming each font that would fall back and its stand-in, and writes nothing', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'wp-fonts-missing-')), 'plan.docx');
    const listed = NAMES.filter((name) => name !== '仿宋_GB2312' && name !== 'Times New Roman');
    const r = runCli(['build', PLAN, '--require-fonts', '-o', out], { env: { PATH: fakeFontconfig(listed, 'Noto Serif CJK SC\t/nowhere.ttc\t0', 'Liberation Serif\t/nowhere.ttf\t0') } });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'workplan：--require-fonts：文稿所用的这些字体没有安装：仿宋_GB2312（将以 Noto Serif CJK SC 代替）、Times New Roman（将以 Liberation Serif 代替）。' +
        '请安装后再生成（workplan doctor 列出详情），或去掉 --require-fonts\n',
    );
    expect(existsSync(out)).toBe(false);
  });
});
