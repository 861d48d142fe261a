/**
 * Whatever a document holds, import writes a plan that loads: no yaml-* or schema-* diagnostic,
 * and no exception. Documents are drawn from the pieces real ones are made of — markers, leads,
 * unit parentheticals and lines, dates, 附件, 抄送, salutations, tables — in any order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recognizePlan } from '../../src/import/recognize-plan.js';
import type { SourceBlock, SourceDocument } from '../../src/import/source-document.js';
import { writePlanYaml } from '../../src/import/write-plan-yaml.js';
import { parsePlan } from '../../src/plan/load-plan.js';

const PIECES = [
  '中共某区委统战部文件', '某统发〔2026〕1号', '关于印发《2026年工作要点》的通知', '2026年工作要点', '各镇党委，各街道党工委：',
  '一、', '二、', '（一）', '（二）', '1.', '2.', '3、', '（1）', '（2）', '(三)', '1．', '⑴',
  '加强理论学习', '做好服务工作。', '每月组织一次学习，', '形成长效机制。', '：',
  '（牵头单位：区委统战部；责任单位：区委党校；完成时限：2026年6月底前）', '（区工商联牵头，各镇街按职责分工负责）',
  '牵头单位：区侨联', '责任单位：各街道', '完成时限：全年', '完成时限：另行通知',
  '附件：2026年重点任务分工表', '附件', '抄送：区委办公室。', '某区委统战部办公室　2026年1月5日印发',
  '中共某区委统战部', '2026年1月4日', '（联系人：张某）', '各位领导，同志们：', '大家好！', '汇报完毕，谢谢大家！',
  '現將有關情況彙報如下：', '牽頭單位：區僑聯', '', ' ', '#', '- ', '"', "'", '{=研修班}', '\\t',
];

const paragraph = fc
  .record({
    parts: fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }),
    bold: fc.nat({ max: 12 }),
    align: fc.constantFrom(undefined, 'center', 'right', 'justify'),
    red: fc.boolean(),
    heading: fc.constantFrom(undefined, 0, 1, 2),
    title: fc.boolean(),
    pageBreakBefore: fc.boolean(),
  })
  .map(({ parts, bold, align, red, heading, title, pageBreakBefore }): SourceBlock => {
    const text = parts.join('');
    return {
      kind: 'paragraph',
      text,
      ...(bold && bold <= text.length ? { boldLength: bold } : {}),
      ...(align ? { align } : {}),
      ...(red ? { red } : {}),
      ...(heading !== undefined ? { headingLevel: heading } : {}),
      ...(title ? { title } : {}),
      ...(pageBreakBefore ? { pageBreakBefore } : {}),
    } as SourceBlock;
  });

const table = fc
  .array(fc.array(fc.constantFrom('序号', '工作任务', '牵头单位', '完成时限', '目标', '分值', '一、凝聚共识', '1', '加强理论学习', '区委统战部', '全年', '举办研修班2期', ''), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 })
  .map((rows): SourceBlock => ({ kind: 'table', rows: rows.map((row) => row.map((text) => ({ text }))) }));

const documents = fc
  .record({
    format: fc.constantFrom('txt', 'md', 'docx'),
    blocks: fc.array(fc.oneof({ weight: 6, arbitrary: paragraph }, { weight: 1, arbitrary: table }), { minLength: 1, maxLength: 30 }),
    kind: fc.constantFrom('auto', 'opinion', 'speech'),
  })
  .map(({ format, blocks, kind }) => ({ doc: { format, blocks, removed: [] } as SourceDocument, kind: kind as 'auto' | 'opinion' | 'speech' }));

/**
 * What import leaves for the author rather than invent: a title, a 成文日期, the 部分 of a text
 * without numbering, a speech part's heading. Each is a missing or empty key, never anything else.
 */
const LEFT_FOR_AUTHOR = /^(title|date|speech\.title|sections(\[\d+\]\.(sections\[\d+\]\.)?(title|text|points))?)$/;

describe('import property', () => {
  it('always writes a plan that loads; the only structural problems are keys it left for the author, each said in a comment', () => {
    fc.assert(
      fc.property(documents, ({ doc, kind }) => {
        const { plan, guesses } = recognizePlan(doc, { today: '2026-01-01', kind });
        const { text } = writePlanYaml(plan, guesses, 'source.docx');
        const { diagnostics } = parsePlan('plan.yaml', Buffer.from(text));
        const structural = diagnostics.filter((d) => /^(yaml|schema)-/.test(d.ruleId));
        const said = new Set(guesses.map((g) => String(g.path[0])));
        for (const d of structural) {
          expect(d.ruleId, text).toMatch(/^schema-(required|empty)$/);
          expect(d.path, text).toMatch(LEFT_FOR_AUTHOR);
          expect(said.has(d.path!.split(/[.[]/)[0]!), text).toBe(true);
        }
      }),
      { numRuns: 5000, seed: 20261124 },
    );
  });
});
