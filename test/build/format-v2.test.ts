/**
 * Plan format v2 structures, read back from the .docx by pandoc (an independent reader) and checked
 * in document.xml where Markdown cannot show it: （1） sub-items, joint and inherited units in the
 * office's phrasing, targets with qualifiers. The v1 golden files stay byte-identical (build-fixtures).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentDate } from '../../src/pipeline/publish-documents.js';
import { emitDocx } from '../../src/emit/docx/emit-docx.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import type { Plan, PlanFile } from '../../src/plan/model.js';
import { documentText, renderDocument } from '../../src/pipeline/render-document.js';
import { composeSpeech, speechPlainText } from '../../src/speech/compose-speech.js';
import { BUILTIN_TEMPLATES, loadTemplateSet, type TemplateSet } from '../../src/render/render-template.js';
import { runRules } from '../../src/rules/run-rules.js';
import { unitCounts } from '../../src/tasks/task-rows.js';
import { ROOT } from '../helpers.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'build');
const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;

function load(name: string) {
  const { loaded, diagnostics } = parsePlan('plan.yaml', readFileSync(path.join(FIXTURES, name, 'plan.yaml')));
  expect(diagnostics).toEqual([]);
  return loaded!;
}

async function docx(plan: Plan, templates: TemplateSet, doc: 'opinion' | 'tasks' = 'opinion'): Promise<Uint8Array> {
  const { blocks, meta } = renderDocument(plan, doc, templates, { owners: false });
  return emitDocx(blocks, { title: meta.title, creator: meta.creator, date: documentDate(meta.date, {}), pageNumbers: 'outside' });
}

/** What pandoc reads from the .docx, as plain text lines. */
function pandocLines(bytes: Uint8Array): string[] {
  const r = spawnSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none'], { input: Buffer.from(bytes), encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  // The .docx joins figures to their units with U+2060 (layout); readers see the text without it.
  return r.stdout.replace(/\u2060/g, '').split('\n').map((l) => l.trim()).filter(Boolean);
}

/** Each paragraph of document.xml: its text and whether its first run is bold. */
function paragraphs(bytes: Uint8Array): { text: string; boldStart: boolean }[] {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(([, p]) => ({
    text: [...p!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('').replace(/\u2060/g, ''),
    boldStart: /^(?:(?!<w:r>)[\s\S])*<w:r>\s*<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<w:b\/>/.test(p!),
  }));
}

describe('plan format v2', () => {
  let templates: TemplateSet;
  beforeAll(async () => {
    templates = await loadTemplateSet([BUILTIN_TEMPLATES]);
  });

  it('（1） sub-items follow the measure as paragraphs of their own, not bold, and units stand on lines of their own', async () => {
    const loaded = load('v2-sub-items');
    const bytes = await docx(loaded.plan as Plan, templates);
    const list = paragraphs(bytes);
    const lead = list.findIndex((p) => p.text.startsWith('1.打造统战宣传矩阵。'));
    expect(list[lead]!.boldStart).toBe(true);
    expect(list.slice(lead + 1, lead + 7).map((p) => [p.text.slice(0, 4), p.boldStart])).toEqual([
      ['（1）办', false],
      ['（2）在', false],
      ['（3）建', false],
      ['牵头单位', false],
      ['责任单位', false],
      ['完成时限', false],
    ]);
    if (hasPandoc) {
      const lines = pandocLines(bytes);
      expect(lines).toContain('（2）在区融媒体中心开设统战专栏，全年播出专题节目十二期。');
      expect(lines).toContain('牵头单位：区委统战部');
      expect(lines).toContain('完成时限：2026年10月底前');
    }
  });

  it('numbering-typed knows （1） in a sub-item', () => {
    const text = readFileSync(path.join(FIXTURES, 'v2-sub-items', 'plan.yaml'), 'utf8').replace('- 办好', '- （1）办好');
    const { loaded } = parsePlan('plan.yaml', new TextEncoder().encode(text));
    const found = runRules(loaded!, {}).diagnostics.filter((d) => d.ruleId === 'numbering-typed');
    expect(found.map((d) => [d.line, d.path])).toEqual([[14, 'sections[0].measures[0].items[0]']]);
  });

  it('joint leads and a section’s shared units are written “X、Y牵头，Z按职责分工负责” and counted unit by unit', async () => {
    const loaded = load('v2-units-shared');
    const plan = loaded.plan as Plan;
    const bytes = await docx(plan, templates);
    const text = paragraphs(bytes).map((p) => p.text);
    // The first measure inherits everything from its section; the second keeps its own joint lead.
    expect(text).toContain('1.办好青年企业家成长营。分期组织年轻一代企业家走进重点产业园区，围绕传承创业和企业治理开展交流。（区工商联牵头，各镇人民政府、各街道办事处按职责分工负责）');
    expect(text.some((t) => t.endsWith('（区工商联、区民政局牵头，各镇人民政府、各街道办事处按职责分工负责）'))).toBe(true);
    if (hasPandoc) expect(pandocLines(bytes).some((l) => l.includes('区委统战部、区发展改革委牵头，区营商环境办按职责分工负责'))).toBe(true);
    // measure-owner accepts an inherited lead.
    expect(runRules(loaded, {}).diagnostics.filter((d) => d.ruleId === 'measure-owner')).toEqual([]);
    expect(unitCounts(plan)).toEqual([
      { unit: '区工商联', lead: 2, responsible: 0 },
      { unit: '各镇人民政府', lead: 0, responsible: 2 },
      { unit: '各街道办事处', lead: 0, responsible: 2 },
      { unit: '区民政局', lead: 1, responsible: 0 },
      { unit: '区委统战部', lead: 1, responsible: 0 },
      { unit: '区发展改革委', lead: 1, responsible: 0 },
      { unit: '区营商环境办', lead: 0, responsible: 1 },
    ]);
  });

  it('targets keep their qualifiers in the task table, and a template phrases the units', async () => {
    const loaded = load('v2-target-qualifiers');
    const plan = loaded.plan as Plan;
    const opinion = paragraphs(await docx(plan, templates)).map((p) => p.text);
    expect(opinion.some((t) => t.endsWith('（区侨联负责，2026年11月底前完成）'))).toBe(true);
    const tasks = await docx(plan, templates, 'tasks');
    const cells = paragraphs(tasks).map((p) => p.text);
    expect(cells).toContain('引进侨资项目6个以上');
    expect(cells).toContain('民间投资增长6.2%左右；项目流失率控制在3%以内');
    if (hasPandoc) expect(pandocLines(tasks).join('\n')).toContain('民间投资增长6.2%左右');
  });

  it('a 要点 without sections runs （一） in at the top level; its sub-items are 1. 2.', async () => {
    const loaded = load('v2-runin-top');
    const bytes = await docx(loaded.plan as Plan, templates);
    const list = paragraphs(bytes).filter((p) => p.text);
    const numbered = list.filter((p) => /^（[一二三]）|^\d\./.test(p.text)).map((p) => [p.text.slice(0, 3), p.boldStart]);
    expect(numbered).toEqual([
      ['（一）', true],
      ['（二）', true],
      ['1.每', false],
      ['2.年', false],
      ['（三）', true],
    ]);
    if (hasPandoc) {
      const markdown = spawnSync('pandoc', ['-f', 'docx', '-t', 'markdown', '--wrap=none'], { input: Buffer.from(bytes), encoding: 'utf8' }).stdout;
      // Bold run-in leads, and no heading other than the title.
      expect(markdown).toContain('**（一）加强理论武装。**坚持');
      expect(markdown.match(/^#/gm) ?? []).toHaveLength(0);
    }
  });

  it('sections may run in too (outline.sections: runin), with their measures numbered 1.', async () => {
    const bytes = await docx(load('v2-runin-sections').plan as Plan, templates);
    const texts = paragraphs(bytes).filter((p) => p.boldStart).map((p) => p.text.slice(0, 7));
    expect(texts).toEqual(['（一）摸清队伍', '1.健全信息库', '（二）搭建实践', '1.规范基地运']);
  });

  it('unnumbered sections are headings without numbers, and pandoc sees them as headings', async () => {
    const bytes = await docx(load('v2-unnumbered').plan as Plan, templates);
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    if (hasPandoc) {
      const markdown = spawnSync('pandoc', ['-f', 'docx', '-t', 'markdown', '--wrap=none'], { input: Buffer.from(bytes), encoding: 'utf8' }).stdout;
      expect(markdown.match(/^# .*$/gm)).toEqual(['# 区工商联召开商会工作推进会', '# 临港镇建成新阶层人士实践基地']);
    }
  });

  it('a plan needs sections or measures, and says so in Chinese', () => {
    const { diagnostics } = parsePlan('plan.yaml', new TextEncoder().encode('title: 标题\ndate: 2026-01-10\n'));
    expect(diagnostics.map((d) => [d.ruleId, d.line, d.message])).toEqual([
      ['schema-required', 1, '缺少必填的键“sections”（部分）：计划至少需要 sections，或不分部分时的 measures'],
    ]);
  });

  it('a 印发通知 comes first with the frame and the 署名; the plan follows on a new page; the 版记 comes last', async () => {
    const plan = load('v2-notice').plan as Plan;
    const { blocks } = renderDocument(plan, 'opinion', templates, { owners: false });
    const order = blocks.map((b) => (b.type === 'title' ? `title:${b.text.slice(0, 4)}` : b.type)).filter((t) => t !== 'paragraph');
    expect(order).toEqual(['letterhead', 'docnumber', 'title:关于印发', 'flush', 'signature', 'pagebreak', 'title:2026', 'imprint']);
    if (hasPandoc) {
      const lines = pandocLines(await docx(plan, templates));
      const at = (s: string) => lines.findIndex((l) => l.includes(s));
      expect(at('《2026年全区民族宗教工作要点》的通知')).toBeGreaterThan(at('澄统发〔2026〕3号'));
      expect(at('现将《2026年全区民族宗教工作要点》印发给你们')).toBeLessThan(at('2026年2月26日'));
      expect(at('2026年2月26日')).toBeLessThan(at('（一）深化民族团结进步创建'));
      expect(at('（二）依法管理宗教事务')).toBeLessThan(at('2026年2月27日印发'));
    }
  });

  it('a 总结: sections list their points 一是……；二是……。, run in under （一） when outline.sections says so per level', async () => {
    const file = path.join(ROOT, 'plans', '2025-工作总结和2026年工作打算.yaml');
    const { loaded } = parsePlan('plan.yaml', readFileSync(file));
    const bytes = await docx(loaded!.plan as Plan, templates);
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
    // 一、 is a heading; （一） runs in, bold, into its points.
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).not.toContain('<w:pStyle w:val="Heading2"/>');
    const list = paragraphs(bytes);
    const first = list.find((p) => p.text.startsWith('（一）思想政治引领更加有力。'))!;
    expect(first.boldStart).toBe(true);
    expect(first.text).toMatch(/。一是分领域.*；二是组织.*；三是在区融媒体中心开设统战专栏，推出人物故事二十二篇。$/);
    if (hasPandoc) expect(pandocLines(bytes)).toContain('二、存在的问题和不足');
    // A typed 一是 in a point is numbering-typed, as in a title.
    const typed = readFileSync(file, 'utf8').replace('- 分领域举办', '- 一是分领域举办');
    const again = parsePlan('plan.yaml', new TextEncoder().encode(typed)).loaded!;
    expect(runRules(again, {}).diagnostics.filter((d) => d.ruleId === 'numbering-typed').map((d) => d.path)).toEqual(['sections[0].sections[0].points[0]']);
  });

  it('speeches as people write them: two salutation lines, no invented byline, ordinal, numbered, run-in and prose sections', async () => {
    const file = load('v2-speech-shapes').plan as PlanFile;
    const { blocks, markdown } = renderDocument(file, 'speech', templates, { owners: false });
    // Nothing is invented: no byline without speaker and date; the salutation is the plan's two lines.
    expect(blocks.some((b) => b.type === 'byline')).toBe(false);
    expect(blocks.filter((b) => b.type === 'flush').map((b) => b.type === 'flush' && b.text)).toEqual(['各位领导：', '大家好！']);
    // The opening ends with its own colon, nothing forced after it.
    expect(markdown).toContain('下面，我就青石镇基层统战工作的做法作简要交流：\n');
    expect(markdown).toContain('**建强队伍，让基层有人办事。**一是镇党委明确一名副书记分管统战工作；二是');
    expect(markdown).toContain('\n1、在镇便民服务中心设立统战工作室，每周安排值班。\n');
    expect(markdown).toContain('\n**组建乡贤服务团。**邀请在外发展的乡贤回乡参与产业规划，去年引进项目两个。\n');
    expect(markdown).toContain('**几点体会。**基层统战工作千头万绪');
    // What check counts is what build prints.
    const content = composeSpeech(file)!;
    const counted = [...speechPlainText(content)].filter((c) => /\p{Script=Han}/u.test(c)).length;
    expect(counted).toBe([...documentText(blocks)].filter((c) => /\p{Script=Han}/u.test(c)).length);
  });

  it('a plan section with nothing to report is not dropped silently: speech-section-skipped names it', () => {
    const text = readFileSync(path.join(ROOT, 'plans', '2025-工作安排意见.yaml'), 'utf8').replace('  # workplan-disable-next-line speech-section-skipped\n', '');
    const { loaded } = parsePlan('plan.yaml', new TextEncoder().encode(text));
    const found = runRules(loaded!, {}).diagnostics.filter((d) => d.ruleId === 'speech-section-skipped');
    expect(found.map((d) => d.message.slice(0, 24))).toEqual(['第五部分“铸牢中华民族共同体意识，依法做好民族宗']);
  });
});
