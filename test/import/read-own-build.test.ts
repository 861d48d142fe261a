/**
 * readDocx on this tool's own .docx (`workplan build --to docx`, in process): the paragraphs read
 * back carry the numbering text the page shows (一、（一）1.（1）) and the bold run-in leads, as
 * the plan asked for them. The expectations come from the plans, not from a stored copy.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentDate } from '../../src/pipeline/publish-documents.js';
import { emitDocx } from '../../src/emit/docx/emit-docx.js';
import { readDocx } from '../../src/import/read-docx.js';
import type { SourceParagraph } from '../../src/import/source-document.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import type { Plan } from '../../src/plan/model.js';
import { renderDocument } from '../../src/pipeline/render-document.js';
import { BUILTIN_TEMPLATES, loadTemplateSet, type TemplateSet } from '../../src/render/render-template.js';
import { formatLevelNumber } from '../../src/text/numerals.js';
import { ROOT } from '../helpers.js';

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplateSet([BUILTIN_TEMPLATES]);
});

async function build(file: string, source: string | Uint8Array): Promise<{ plan: Plan; paragraphs: SourceParagraph[] }> {
  const { loaded, diagnostics } = parsePlan(file, typeof source === 'string' ? Buffer.from(source) : source);
  expect(diagnostics).toEqual([]);
  const plan = loaded!.plan as Plan;
  const { blocks, meta } = renderDocument(plan, 'opinion', templates, { owners: false });
  const bytes = await emitDocx(blocks, { title: meta.title, creator: meta.creator, date: documentDate(meta.date, {}), pageNumbers: 'outside' });
  const paragraphs = readDocx(bytes).blocks.filter((b): b is SourceParagraph => b.kind === 'paragraph');
  return { plan, paragraphs };
}

function find(paragraphs: readonly SourceParagraph[], start: string): SourceParagraph {
  const found = paragraphs.find((p) => p.text.startsWith(start));
  expect(found, `没有以“${start}”开头的段落`).toBeDefined();
  return found!;
}

describe('readDocx on workplan build --to docx', () => {
  it('an example plan: 一、 headings stand alone, 1. measures carry their bold lead sentence', async () => {
    const file = path.join(ROOT, 'plans', '2025-工作安排意见.yaml');
    const { plan, paragraphs } = await build(file, readFileSync(file));
    const sections = plan.sections ?? [];
    expect(sections.length).toBeGreaterThan(2);
    sections.forEach((section, i) => {
      const heading = find(paragraphs, `${formatLevelNumber(1, i + 1)}${section.title}`);
      expect(heading.text).toBe(`${formatLevelNumber(1, i + 1)}${section.title}`);
      expect(heading.headingLevel).toBe(0);
      (section.measures ?? []).forEach((measure, j) => {
        const lead = `${j + 1}.${measure.title}。`;
        const paragraph = paragraphs.find((p) => p.text.startsWith(lead) && p.boldLength === lead.length);
        expect(paragraph, lead).toBeDefined();
        expect(paragraph!.numberLength).toBeUndefined();
      });
    });
    const title = paragraphs.find((p) => p.title);
    expect(title?.text).toBe(plan.title);
    expect(title?.align).toBe('center');
  });

  it('a plan with four levels reads back 一、（一）1.（1） in order', async () => {
    const yaml = `title: 2026年社区协商议事工作安排
issuer: 澄湖区湖滨街道党工委
date: 2026-03-02
sections:
  - title: 搭建议事平台
    sections:
      - title: 建好议事会
        measures:
          - title: 组建社区议事会
            text: 每个社区推选议事代表十五名左右，吸纳辖区企业和社会组织参加。
            items:
              - 议事代表名单在社区公示栏公布。
              - 每半年调整一次议事代表。
          - title: 制定议事规则
            text: 明确议题征集、会前调研、协商表决和结果公开的程序。
      - title: 用好议事厅
        measures:
          - title: 固定议事时间
            text: 每月第一个周四晚上集中议事，群众可以旁听。
  - title: 提高议事实效
    sections:
      - title: 跟踪办理结果
        measures:
          - title: 建立办理台账
            text: 协商形成的事项逐项明确责任人和办结时间，办结后向居民反馈。
signature: 澄湖区湖滨街道党工委
`;
    const { paragraphs } = await build('four-levels.yaml', yaml);
    const markers = paragraphs
      .map((p) => /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)/.exec(p.text)?.[0])
      .filter((m): m is string => m !== undefined);
    expect(markers).toEqual(['一、', '（一）', '1.', '（1）', '（2）', '2.', '（二）', '1.', '二、', '（一）', '1.']);
    expect(find(paragraphs, '（一）建好议事会').headingLevel).toBe(1);
    expect(find(paragraphs, '1.组建社区议事会。').boldLength).toBe('1.组建社区议事会。'.length);
    expect(find(paragraphs, '（1）议事代表名单').boldLength).toBeUndefined();
  });
});
