/** --fix, --fix-dry-run, inline suppression and SARIF, as a user meets them. */
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { punctuationEdits } from '../../src/rules/punctuation-width.js';
import { ROOT, runCli } from '../helpers.js';

const PASTED = path.join(ROOT, 'test', 'fixtures', 'check', 'pasted-text', 'plan.yaml');

function copy(source: string, text?: string): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'wp-fix-'));
  const file = path.join(dir, 'plan.yaml');
  if (text === undefined) cpSync(source, file);
  else writeFileSync(file, text);
  return { dir, file };
}

const apply = (s: string) => {
  let out = s;
  for (const e of [...punctuationEdits(s)].reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
};

describe('punctuation-width edits', () => {
  it.each([
    ['要求,推进', '要求，推进'],
    ['要求, 推进', '要求，推进'],
    ['是否落实?请答复!', '是否落实？请答复！'],
    ['措施(1)加强', '措施（1）加强'],
    ['开展"同心"活动', '开展“同心”活动'],
    ["开展'同心'活动", '开展‘同心’活动'],
    ['还有...等', '还有……等'],
    ['统战--法宝', '统战——法宝'],
    ['会议时间:上午', '会议时间：上午'],
  ])('%s → %s', (input, output) => expect(apply(input)).toBe(output));

  it.each(['上午9:30开会', '增长3.5个百分点', '资金1,000万元', '见https://example.org/a,b', '发至a.b@example.org。', 'Hello, world (draft)', "It's fine"])(
    'leaves %s alone',
    (input) => expect(apply(input)).toBe(input),
  );
});

describe('check --fix', () => {
  it('keeps a UTF-8 byte-order mark the file began with, and adds none to a file without', () => {
    const text = readFileSync(PASTED, 'utf8');
    for (const bom of ['\uFEFF', '']) {
      const { file } = copy(PASTED, bom + text);
      runCli(['check', file, '--fix']);
      const after = readFileSync(file);
      expect(after.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), JSON.stringify(bom)).toBe(bom !== '');
      expect(after.toString('utf8')).not.toBe(bom + text);
    }
  });

  it('repairs punctuation in place, keeping comments and layout, and leaves 9:30, 3.5 and the URL', () => {
    const { file } = copy(PASTED);
    const before = readFileSync(file, 'utf8');
    const r = runCli(['check', '--fix', file]);
    expect(r.stderr).toContain('已修正');
    const after = readFileSync(file, 'utf8');
    expect(after).not.toBe(before);
    // Same lines, same comments: only characters inside values changed.
    expect(after.split('\n').length).toBe(before.split('\n').length);
    expect(after.match(/#.*$/gm)).toEqual(before.match(/#.*$/gm));
    expect(after).toContain('以新时代中国特色社会主义思想为指导，深入学习');
    expect(after).toContain('强化思想引领（一）');
    expect(after).toContain('9:30集中学习，学习时长不少于3.5小时；资料见https://example.org/a,b;联系xuexi@example.org.');
    // What cannot be fixed safely is still reported.
    expect(r.stdout).toContain('placeholder');
    expect(r.stdout).toContain('masked-word');
    expect(r.stdout).not.toContain('punctuation-width');
  });

  it('is idempotent: a second --fix changes nothing', () => {
    const { file } = copy(PASTED);
    runCli(['check', '--fix', file]);
    const once = readFileSync(file, 'utf8');
    const r = runCli(['check', '--fix', file]);
    expect(r.stderr).not.toContain('已修正');
    expect(readFileSync(file, 'utf8')).toBe(once);
  });

  it('fixes 发文字号 and typed numbers, and --fix-dry-run only shows the diff', () => {
    const text = `title: 2025年工作要点\nnumber: 青统发[2025]第03号\ndate: 2025-01-08\nsections:\n  - title: 一、抓好学习\n    measures:\n      - title: "1. 办好读书班"\n        lead: 办公室\n`;
    const { file } = copy('', text);
    const dry = runCli(['check', '--fix-dry-run', file]);
    expect(dry.stdout).toContain('-number: 青统发[2025]第03号');
    expect(dry.stdout).toContain('+number: 青统发〔2025〕3号');
    expect(dry.stdout).toContain('+  - title: 抓好学习');
    expect(dry.stdout).toContain('+      - title: "办好读书班"');
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(runCli(['check', '--fix', file]).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(text.replace('[2025]第03号', '〔2025〕3号').replace('一、抓好', '抓好').replace('"1. 办好', '"办好'));
  });
});

describe('inline suppression', () => {
  it('silences exactly one rule on exactly one line', () => {
    const text = [
      'title: 2025年工作要点',
      'date: 2025-01-08',
      'sections:',
      '  - title: 抓好学习',
      '    measures:',
      '      - title: 办好读书班',
      '        lead: 办公室',
      '        # workplan-disable-next-line punctuation-width',
      '        text: 每月一次,每次半天dang课',
      '      - title: 办好讲座',
      '        lead: 办公室',
      '        text: 每季一次,每次两小时',
      '',
    ].join('\n');
    const { file } = copy('', text);
    const r = runCli(['check', '--format', 'json', file]);
    const found = (JSON.parse(r.stdout) as { ruleId: string; line: number }[]).map((d) => `${d.line}:${d.ruleId}`);
    expect(found).toEqual(['9:masked-word', '12:punctuation-width']);
  });

  it('workplan-disable covers the rest of the file until workplan-enable', () => {
    const text = 'title: 2025年工作要点\ndate: 2025-01-08\n# workplan-disable measure-owner\nsections:\n  - title: 甲\n    measures:\n      - title: 一项\n# workplan-enable measure-owner\n  - title: 乙\n    measures:\n      - title: 二项\n';
    const { file } = copy('', text);
    const r = runCli(['check', '--format', 'json', file]);
    expect((JSON.parse(r.stdout) as { ruleId: string; line: number }[]).map((d) => `${d.line}:${d.ruleId}`)).toEqual(['11:measure-owner']);
  });
});

describe('--format sarif', () => {
  it('is SARIF 2.1.0 with every result at the line json reports', () => {
    const sarif = runCli(['check', '--format', 'sarif', PASTED]);
    const json = runCli(['check', '--format', 'json', PASTED]);
    expect(sarif.status).toBe(1);
    const log = JSON.parse(sarif.stdout);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('workplan');
    const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ruleIds).toEqual(expect.arrayContaining(['punctuation-width', 'masked-word', 'placeholder', 'schema-unknown-key']));
    const expected = (JSON.parse(json.stdout) as { ruleId: string; line: number; column: number }[]).map((d) => `${d.ruleId}@${d.line}:${d.column}`);
    const actual = run.results.map(
      (r: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }) => {
        expect(ruleIds[r.ruleIndex]).toBe(r.ruleId);
        const loc = r.locations[0]!.physicalLocation;
        expect(loc.artifactLocation.uri).toBe('test/fixtures/check/pasted-text/plan.yaml');
        return `${r.ruleId}@${loc.region.startLine}:${loc.region.startColumn}`;
      },
    );
    expect(actual).toEqual(expected);
  });
});

describe('check --fix on files as they are kept', () => {
  /** The plan as --fix leaves a plain copy of it: what the other cases must equal. */
  const fixedCopy = () => {
    const { file } = copy(PASTED);
    runCli(['check', file, '--fix']);
    return readFileSync(file, 'utf8');
  };

  it('writes through a symbolic link: the link stays a link and the file it points to is fixed', () => {
    const { dir } = copy(PASTED);
    mkdirSync(path.join(dir, 'shared'));
    const real = path.join(dir, 'shared', 'plan.yaml');
    cpSync(PASTED, real);
    const link = path.join(dir, 'linked.yaml');
    symlinkSync(path.join('shared', 'plan.yaml'), link);
    const r = runCli(['check', 'linked.yaml', '--fix'], { cwd: dir });
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    const expected = fixedCopy();
    expect(expected).not.toBe(readFileSync(PASTED, 'utf8'));
    expect(readFileSync(real, 'utf8')).toBe(expected);
  });

  it('keeps lone-CR line ends: the fixes are those of the same plan with LFs', () => {
    const { file } = copy(PASTED, readFileSync(PASTED, 'utf8').replace(/\n/g, '\r'));
    const r = runCli(['check', file, '--fix']);
    expect(r.stdout + r.stderr).not.toContain('yaml-syntax');
    expect(readFileSync(file, 'utf8')).toBe(fixedCopy().replace(/\n/g, '\r'));
  });
});
