/**
 * 繁体 as one parameter: every document a 繁体 plan gives — build's, status's 督办通报 and 台账,
 * diff's 对照表, draft's speech — speaks 繁体, file names included. A character counts as 简体-only
 * when OpenCC's character table makes it traditional and leaves it alone the other way; the plan's
 * own text may hold such a character (it is printed as written), the tool's words may not.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import * as cn2t from 'opencc-js/cn2t';
import * as t2cn from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';

const toTraditional = cn2t.Converter({ from: 'cn', to: 't' });
const toSimplified = t2cn.Converter({ from: 't', to: 'cn' });

const HANT_PLANS = [path.join(ROOT, 'plans', '2025-港澳青年交流工作計劃.yaml'), path.join(ROOT, 'test', 'fixtures', 'build', 'v2-hant', 'plan.yaml')];

/** The text a reader sees in an output file. */
function textOf(file: string): string {
  if (file.endsWith('.md') || file.endsWith('.csv') || file.endsWith('.yaml')) return readFileSync(file, 'utf8');
  const parts = unzipSync(readFileSync(file));
  const xml = Object.entries(parts)
    .filter(([name]) => /^(word\/(document|footer\d*|header\d*)\.xml|xl\/(sharedStrings|worksheets\/sheet\d+)\.xml|docProps\/core\.xml)$/.test(name))
    .map(([, bytes]) => strFromU8(bytes))
    .join('\n');
  return xml.replace(/<[^>]+>/g, ' ');
}

/** Characters of `text` that only 简体 writes and that the plan's source does not hold itself. */
function simplifiedOnly(text: string, source: string): string[] {
  const own = new Set(source);
  const found = new Set<string>();
  for (const c of text) {
    if (!/\p{Script=Han}/u.test(c) || own.has(c)) continue;
    if (toTraditional(c) !== c && toSimplified(c) === c) found.add(c);
  }
  return [...found];
}

function outputsOf(args: string[]): string[] {
  const out = mkdtempSync(path.join(tmpdir(), 'wp-hant-'));
  const r = runCli([...args, '-o', out]);
  expect(r.status, `${args.join(' ')}\n${r.stdout}${r.stderr}`).toBe(0);
  return readdirSync(out).map((name) => path.join(out, name));
}

describe('a 繁体 plan speaks 繁体 in every output', () => {
  for (const plan of HANT_PLANS) {
    const source = readFileSync(plan, 'utf8');
    const name = path.relative(ROOT, plan);
    const check = (files: string[]) => {
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        expect(simplifiedOnly(path.basename(file), source), `${name}: file name ${path.basename(file)}`).toEqual([]);
        expect(simplifiedOnly(textOf(file), source), `${name}: ${path.basename(file)}`).toEqual([]);
      }
    };

    it(`${name}: status --to md,docx,xlsx (督办通报 and 台账)`, () => {
      check(outputsOf(['status', plan, '--as-of', '2025-09-30', '--to', 'md,docx,xlsx']));
    });

    it(`${name}: diff --to md,docx,xlsx (对照表)`, () => {
      check(outputsOf(['diff', plan, plan, '--to', 'md,docx,xlsx']));
    });

    it(`${name}: build, every document and format`, () => {
      check(outputsOf(['build', plan, '--to', 'docx,md', '--owners']));
      check(outputsOf(['build', plan, '--doc', 'tasks', '--to', 'docx,md,xlsx,csv']));
    });
  }

  it('draft speech of a 繁体 plan', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'wp-hant-draft-')), 'draft.yaml');
    const r = runCli(['draft', 'speech', HANT_PLANS[0]!, '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    // The comments are the tool talking to the user (in the language of its messages), not the speech.
    const yamlText = readFileSync(out, 'utf8').replace(/(^|\s)#\s.*$/gm, '');
    expect(simplifiedOnly(yamlText, readFileSync(HANT_PLANS[0]!, 'utf8'))).toEqual([]);
  });

  it('the test can tell: a 简体 plan built into 繁体 passes, the same plan in 简体 does not', () => {
    const plan = path.join(ROOT, 'plans', '2025-工作安排意见.yaml');
    const hant = outputsOf(['build', plan, '--to', 'md', '--script', 'hant']);
    expect(simplifiedOnly(textOf(hant[0]!), '')).toEqual([]);
    const hans = outputsOf(['build', plan, '--to', 'md']);
    expect(simplifiedOnly(textOf(hans[0]!), '').length).toBeGreaterThan(20);
  });
});
