/**
 * Figure references end to end: a speech (a plan's own, or a speech file with `figures:`) built to
 * .md and .docx with the plan's current values; check resolving them; `draft speech`.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitDocx } from '../../src/emit/docx/emit-docx.js';
import { emitMarkdown } from '../../src/emit/markdown.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import type { PlanFile } from '../../src/plan/model.js';
import { chooseScript } from '../../src/pipeline/plan-script.js';
import { composeDraft } from '../../src/pipeline/draft-speech.js';
import { documentText, renderDocument } from '../../src/pipeline/render-document.js';
import { BUILTIN_TEMPLATES, loadTemplateSet, type TemplateSet } from '../../src/render/render-template.js';
import { ROOT, runCli } from '../helpers.js';

const PLAN = (value: number) => `title: 2025年青禾区统一战线工作安排意见
date: 2025-02-10
issuer: 中共青禾区委统战部
sections:
  - title: 加强思想政治引领
    measures:
      - title: 举办党外代表人士理论研修班
        lead: 区委统战部
        targets: [{ name: 党外代表人士理论研修班, value: 4, unit: 期 }, { name: 意见办结率, value: 95, unit: '%' }]
        progress:
          status: ongoing
          result: 参训人员履职本领有了新提升
          values: { 党外代表人士理论研修班: ${value}, 意见办结率: 96 }
  - title: 做好民族宗教工作
    measures:
      - title: 深化民族团结进步创建
        lead: 区民宗局
speech:
  meeting: 全区统战工作推进会
  opening: 上半年共举办研修班{=党外代表人士理论研修班}，写法说明：\\{=名称}。
  closing: 研修班{=党外代表人士理论研修班}，意见办结率达{=意见办结率}。汇报完毕。
`;

const SPEECH = `kind: speech
figures: ../plans/plan.yaml
speech:
  title: 在全区统战工作推进会上的交流发言
  opening: 下面，我作简要交流：
sections:
  - title: 学习教育有声有色
    points:
      - 举办理论研修班{=党外代表人士理论研修班}，意见办结率达{=意见办结率}
`;

/** A folder with plans/plan.yaml and speeches/speech.yaml (whose figures: names the plan). */
function writeRepo(value: number): { dir: string; plan: string; speech: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'wp-figures-'));
  const plan = path.join(dir, 'plans', 'plan.yaml');
  const speech = path.join(dir, 'speeches', 'speech.yaml');
  mkdirSync(path.dirname(plan));
  mkdirSync(path.dirname(speech));
  writeFileSync(plan, PLAN(value));
  writeFileSync(speech, SPEECH);
  return { dir, plan, speech };
}

describe('figure references in a build', () => {
  let templates: TemplateSet;
  beforeAll(async () => {
    templates = await loadTemplateSet([BUILTIN_TEMPLATES]);
  });

  const render = (file: PlanFile, figures?: PlanFile) => renderDocument(file, 'speech', templates, { owners: false, figures });
  const docxText = async (file: PlanFile, figures?: PlanFile) => {
    const { blocks, meta } = render(file, figures);
    const docx = await emitDocx(blocks, { title: meta.title, creator: meta.creator, date: new Date(0), pageNumbers: 'outside' });
    // Without tags, and without the word joiner that keeps a figure with its unit (emit/docx/runs.ts).
    return strFromU8(unzipSync(docx)['word/document.xml']!).replace(/<[^>]+>/g, '').replaceAll('\u2060', '');
  };
  const load = (text: string) => parsePlan('plan.yaml', new TextEncoder().encode(text)).loaded!.plan;

  it('substitutes the current value with its unit in .md and .docx, and unescapes \\{=', async () => {
    const plan = load(PLAN(3));
    const md = emitMarkdown(render(plan).blocks);
    // The .md escapes the braces for Markdown; the text they stand for is the escape's characters.
    expect(md).toContain('上半年共举办研修班3期，写法说明：\\{=名称\\}。');
    expect(documentText(render(plan).blocks)).toContain('上半年共举办研修班3期，写法说明：{=名称}。');
    expect(md).toContain('研修班3期，意见办结率达96%。汇报完毕。');
    const xml = await docxText(plan);
    expect(xml).toContain('上半年共举办研修班3期');
    expect(xml).toContain('意见办结率达96%');
    expect(xml).not.toContain('{=党外');
  });

  it('after the progress changes, shows the new figure everywhere it is referenced and the old one nowhere', async () => {
    const before = emitMarkdown(render(load(PLAN(3))).blocks);
    const after = emitMarkdown(render(load(PLAN(4))).blocks);
    // The opening and the closing reference it; the generated point says it too.
    expect(before.match(/研修班3期/g)).toHaveLength(3);
    expect(after.match(/研修班4期/g)).toHaveLength(3);
    expect(after).not.toContain('3期');
    expect(await docxText(load(PLAN(4)))).not.toContain('3期');
  });

  it('substitutes in every speech text check resolves, the title included', () => {
    const speech = load(SPEECH.replace('title: 在全区统战工作推进会上的交流发言', 'title: 办好{=党外代表人士理论研修班}研修班的体会'));
    const { blocks, meta } = render(speech, load(PLAN(4)));
    expect(meta.title).toBe('办好4期研修班的体会');
    expect(documentText(blocks)).toContain('办好4期研修班的体会');
  });

  it('a speech file reads the figures of the plan its figures: names', async () => {
    const speech = load(SPEECH);
    const md = emitMarkdown(render(speech, load(PLAN(4))).blocks);
    expect(md).toContain('举办理论研修班4期，意见办结率达96%。');
    expect(await docxText(speech, load(PLAN(4)))).toContain('举办理论研修班4期');
  });
});

describe('figure references on the command line', () => {
  beforeAll(() => {
    expect(runCli(['--version']).status).toBe(0);
  });

  it('builds a speech file with figures: resolved relative to the speech file, and follows the plan', () => {
    const { dir, plan, speech } = writeRepo(3);
    const first = runCli(['build', speech, '--to', 'md', '-o', '-'], { cwd: dir });
    expect(first.status, first.stderr + first.stdout).toBe(0);
    expect(first.stdout).toContain('举办理论研修班3期，意见办结率达96%。');
    writeFileSync(plan, PLAN(5));
    const second = runCli(['build', speech, '--to', 'md', '-o', '-'], { cwd: dir });
    expect(second.stdout).toContain('举办理论研修班5期');
    expect(second.stdout).not.toContain('3期');
    expect(runCli(['check', 'speeches/speech.yaml'], { cwd: dir }).stdout).toContain('没有发现问题');
  });

  it('reports a figures file that does not exist at figures:, and a misspelt reference with a suggestion', () => {
    const { dir, speech } = writeRepo(3);
    writeFileSync(speech, SPEECH.replace('../plans/plan.yaml', '../plans/plam.yaml'));
    const missing = runCli(['check', 'speeches/speech.yaml'], { cwd: dir });
    expect(missing.status).toBe(1);
    expect(missing.stdout).toMatch(/speeches\/speech\.yaml:2:10  错误  figures 所指的计划文件无法读取“\.\.\/plans\/plam\.yaml”：文件或目录不存在  figures-file/);
    // Unresolvable references are not reported on top of the unreadable file.
    expect(missing.stdout).not.toContain('figure-unknown');
    writeFileSync(speech, SPEECH.replace('{=意见办结率}', '{=意见办节率}'));
    const typo = runCli(['check', 'speeches/speech.yaml'], { cwd: dir });
    expect(typo.status).toBe(1);
    expect(typo.stdout).toContain('speeches/speech.yaml:9:37  错误  数字引用“{=意见办节率}”：计划的进展中没有名为“意见办节率”的数值，是否应为“{=意见办结率}”？  figure-unknown');
    writeFileSync(speech, SPEECH.replace('figures: ../plans/plan.yaml\n', ''));
    expect(runCli(['check', 'speeches/speech.yaml'], { cwd: dir }).stdout).toMatch(/8:16  错误  发言文件没有写 figures.*figure-unknown/);
  });

  it('check --fix turns a stale typed figure into a reference', () => {
    const { dir, plan } = writeRepo(4);
    writeFileSync(plan, PLAN(4).replace('上半年共举办研修班{=党外代表人士理论研修班}', '上半年共举办研修班3期'));
    const found = runCli(['check', 'plans/plan.yaml'], { cwd: dir });
    expect(found.stdout).toContain('plans/plan.yaml:20:21  警告  手打的数字“3期”与计划的进展不符：“党外代表人士理论研修班”现为4期');
    expect(runCli(['check', '--fix', 'plans/plan.yaml'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(plan, 'utf8')).toContain('上半年共举办研修班{=党外代表人士理论研修班}，写法说明');
  });
});

describe('draft speech', () => {
  it('writes references for every figure, a framing sentence, and keeps a section without progress under 待补充', () => {
    const plan = parsePlan('plan.yaml', new TextEncoder().encode(PLAN(3))).loaded!.plan as Parameters<typeof composeDraft>[0];
    const { text, pending } = composeDraft(plan, '../plans/plan.yaml');
    const draft = parse(text) as { kind: string; figures: string; sections: { title: string; intro?: string; points: string[] }[] };
    expect(draft.kind).toBe('speech');
    expect(draft.figures).toBe('../plans/plan.yaml');
    expect(draft.sections.map((s) => s.title)).toEqual(['加强思想政治引领', '做好民族宗教工作']);
    expect(draft.sections[0]!.intro).toBe('重点抓了以下工作：');
    expect(draft.sections[0]!.points).toEqual(['举办党外代表人士理论研修班{=党外代表人士理论研修班}，意见办结率达{=意见办结率}，参训人员履职本领有了新提升']);
    expect(pending).toEqual(['做好民族宗教工作']);
    expect(text).toMatch(/# 待补充：[^\n]*\n  - title: 做好民族宗教工作\n    points:\n      - 深化民族团结进步创建\n/);
    expect(text).not.toMatch(/\d期|96%/);
  });

  it('prints the draft, writes it with -o only once without --force, and the draft checks clean and builds', () => {
    const { dir } = writeRepo(3);
    const out = runCli(['draft', 'speech', 'plans/plan.yaml'], { cwd: dir });
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toContain('figures: plans/plan.yaml');
    expect(out.stderr).toContain('“做好民族宗教工作”');
    const written = runCli(['draft', 'speech', 'plans/plan.yaml', '-o', 'speeches/draft.yaml'], { cwd: dir });
    expect(written.status, written.stderr).toBe(0);
    const file = path.join(dir, 'speeches', 'draft.yaml');
    expect(readFileSync(file, 'utf8')).toContain('figures: ../plans/plan.yaml');
    writeFileSync(file, '# 改过的草稿\n');
    const refused = runCli(['draft', 'speech', 'plans/plan.yaml', '-o', 'speeches/draft.yaml'], { cwd: dir });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('已经存在，未做任何改动（确需覆盖请加 --force）');
    expect(readFileSync(file, 'utf8')).toBe('# 改过的草稿\n');
    expect(runCli(['draft', 'speech', 'plans/plan.yaml', '-o', 'speeches/draft.yaml', '--force'], { cwd: dir }).status).toBe(0);
    const check = runCli(['check', 'speeches/draft.yaml'], { cwd: dir });
    expect(check.status, check.stdout).toBe(0);
    expect(check.stdout).toContain('没有发现问题');
    const build = runCli(['build', 'speeches/draft.yaml', '--to', 'md', '-o', '-'], { cwd: dir });
    expect(build.status, build.stdout).toBe(0);
    expect(build.stdout).toContain('举办党外代表人士理论研修班3期，意见办结率达96%');
    expect(build.stdout).toContain('做好民族宗教工作');
  });

  it('refuses standard input (figures: needs a path) and a plan with errors, as check reports them', () => {
    const piped = runCli(['draft', 'speech', '-'], { input: PLAN(3) });
    expect(piped.status).toBe(2);
    expect(piped.stderr).toContain('不能从标准输入读入');
    const bad = runCli(['draft', 'speech', 'test/fixtures/check/unknown-key/plan.yaml']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('plan.yaml:3:1  错误  未知的键“secitons”');
    expect(bad.stdout).not.toContain('kind: speech');
  });

  it('drafts from every example plan with progress without losing a section, and the drafts check clean', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-draft-'));
    const r = runCli(['draft', 'speech', path.join(ROOT, 'plans', '2025-工作安排意见.yaml'), '-o', path.join(dir, 'draft.yaml')]);
    expect(r.status, r.stderr).toBe(0);
    const source = parsePlan('p', readFileSync(path.join(ROOT, 'plans', '2025-工作安排意见.yaml'))).loaded!.plan as { sections: unknown[] };
    const draft = parse(readFileSync(path.join(dir, 'draft.yaml'), 'utf8')) as { sections: unknown[] };
    expect(draft.sections).toHaveLength(source.sections.length);
    const check = runCli(['check', path.join(dir, 'draft.yaml')]);
    expect(check.status, check.stdout).toBe(0);
    expect(check.stdout).not.toContain('错误');
  });
});

describe('a plan in 繁体', () => {
  const HANT = `script: hant
title: 2025年統一戰線工作安排意見
date: 2025-02-10
sections:
  - title: 服務民營經濟，促進兩個健康
    speechTitle: 以兩個健康為目標
    measures:
      - title: 開展政企懇談活動
        lead: 區工商聯
        targets: [{ name: 企業訴求辦結率, value: 95, unit: '%' }, { name: 收集企業訴求, value: 100, unit: 件 }]
        progress: { status: ongoing, values: { 收集企業訴求: 112, 企業訴求辦結率: 96 } }
speech:
  meeting: 全區統戰工作推進會
`;

  it('gets the words the tool adds (達, 圍繞……重點抓了) in 繁体, and its own words as written', async () => {
    const templates = await loadTemplateSet([BUILTIN_TEMPLATES]);
    const plan = parsePlan('p.yaml', new TextEncoder().encode(HANT)).loaded!.plan;
    const text = documentText(renderDocument(plan, 'speech', templates, { owners: false, script: await chooseScript(plan) }).blocks);
    expect(text).toContain('圍繞服務民營經濟，重點抓了以下工作：開展政企懇談活動，收集企業訴求112件，辦結率達96%。');
    const { text: draft } = composeDraft(plan as Parameters<typeof composeDraft>[0], 'p.yaml', (await chooseScript(plan)).words);
    expect(draft).toContain('intro: 圍繞服務民營經濟，重點抓了以下工作：');
    expect(draft).toContain('辦結率達{=企業訴求辦結率}');
  });
});
