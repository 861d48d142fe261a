/**
 * 繁体: a plan written in traditional characters gets the tool's own words in traditional characters
 * too, its own text untouched; `--script` converts a whole document either way, character by character.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseScript } from '../../src/pipeline/plan-script.js';
import { publishAs } from '../publish.js';
import { renderDocument } from '../../src/pipeline/render-document.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import type { PlanFile } from '../../src/plan/model.js';
import { BUILTIN_TEMPLATES, loadTemplateSet, type TemplateSet } from '../../src/render/render-template.js';
import { detectScript, loadConverters } from '../../src/text/script.js';
import { ROOT, runCli } from '../helpers.js';

const HANT = path.join(ROOT, 'test', 'fixtures', 'build', 'v2-hant', 'plan.yaml');
const HANS = path.join(ROOT, 'test', 'fixtures', 'build', 'v2-units-shared', 'plan.yaml');
/** The tool's own words as 简体 writes them: none may appear in a 繁体 document. */
const SIMPLIFIED_TOOL_WORDS = ['牵头单位', '责任单位', '完成时限', '关于印发', '印发给你们', '签发人', '重点任务分工表', '序号', '工作任务', '持续推进', '汇报'];

function load(file: string): PlanFile {
  const { loaded, diagnostics } = parsePlan('plan.yaml', readFileSync(file));
  expect(diagnostics).toEqual([]);
  return loaded!.plan;
}

async function documentText(plan: PlanFile, templates: TemplateSet, doc: 'opinion' | 'tasks' | 'speech', wanted?: 'hans' | 'hant') {
  const script = await chooseScript(plan, wanted);
  const docx = await publishAs(renderDocument(plan, doc, templates, { owners: false, script }), 'docx', script);
  const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
  return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('').replace(/\u2060/g, '');
}

/** Every string value of a plan file. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('繁体', () => {
  let templates: TemplateSet;
  beforeAll(async () => {
    templates = await loadTemplateSet([BUILTIN_TEMPLATES]);
  });

  it('tells a plan’s script from its text', async () => {
    const { toSimplified, toTraditional } = await loadConverters();
    expect(detectScript(strings(load(HANT)).join(''), toSimplified, toTraditional)).toBe('hant');
    expect(detectScript(strings(load(HANS)).join(''), toSimplified, toTraditional)).toBe('hans');
  });

  it('a 繁体 plan gets 牽頭單位, 關於印發, 簽發人, 印發 and the table headers in 繁体, and its own text as written', async () => {
    const plan = load(HANT);
    const opinion = await documentText(plan, templates, 'opinion');
    const tasks = await documentText(plan, templates, 'tasks');
    for (const word of ['牽頭單位', '責任單位', '完成時限', '關於印發', '現將', '簽發人', '印發', '重點任務分工表']) expect(opinion + tasks).toContain(word);
    for (const word of ['序號', '工作任務', '目標']) expect(tasks).toContain(word);
    for (const word of SIMPLIFIED_TOOL_WORDS) expect(opinion + tasks, word).not.toContain(word);
    // Character conversion would have made 若干 into 若幹: the plan's own text is never converted.
    for (const s of strings(plan).filter((t) => /\p{Script=Han}/u.test(t) && !/^(持續推進|長期堅持)$/.test(t))) {
      expect(opinion, s).toContain(s);
    }
  });

  it('a 繁体 speech file gets the default salutation, opening and closing in 繁体', async () => {
    const text = await documentText(load(path.join(ROOT, 'plans', '2025-港澳青年交流發言.yaml')), templates, 'speech');
    expect(text).toContain('尊敬的各位領導，同志們：');
    expect(text).toContain('現將有關工作情況彙報如下：');
    expect(text).toContain('彙報完畢，謝謝大家！');
    expect(text).not.toMatch(/汇报|领导|谢谢/);
  });

  it('--script converts a whole document: 简体 → 繁体 and 繁体 → 简体, characters only', async () => {
    const toHant = await documentText(load(HANS), templates, 'opinion', 'hant');
    expect(toHant).toContain('區工商聯牽頭');
    expect(toHant).not.toContain('区工商联');
    const toHans = await documentText(load(HANT), templates, 'opinion', 'hans');
    expect(toHans).toContain('牵头单位：区台办、区侨联');
    expect(toHans).not.toContain('牽頭');
  });

  it('build --script is checked where it enters and works end to end', () => {
    const bad = runCli(['build', HANS, '--script', 'trad']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/trad/);
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-script-'));
    const r = runCli(['build', HANS, '--script', 'hant', '--to', 'md', '-o', path.join(dir, 'out.md')]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'out.md'), 'utf8')).toContain('# 2026年全區民營經濟統戰工作要點');
  });
});
