/**
 * The plan's own 分工表 (`table`): title, 序号 style, columns chosen, renamed and ordered, and
 * columns the measures fill. The .docx is read back by pandoc (an independent reader); the .csv and
 * .xlsx carry the same columns; mistakes in the columns are diagnostics with a place and a rule id.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitCsv } from '../../src/emit/csv.js';
import { documentDate } from '../../src/pipeline/publish-documents.js';
import { emitDocx } from '../../src/emit/docx/emit-docx.js';
import { emitXlsx } from '../../src/emit/xlsx.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import type { Plan } from '../../src/plan/model.js';
import { renderDocument } from '../../src/pipeline/render-document.js';
import { BUILTIN_TEMPLATES, loadTemplateSet, type TemplateSet } from '../../src/render/render-template.js';
import type { RenderOptions } from '../../src/render/view-model.js';
import { ROOT, runCli } from '../helpers.js';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'build', 'v2-table', 'plan.yaml');
const SOURCE = readFileSync(FIXTURE, 'utf8');
const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;

const HEADER = ['序号', '重点任务', '牵头单位', '配合单位', '一季度', '二季度', '三季度', '四季度', '分值'];

function load(source: string = SOURCE): Plan {
  const { loaded, diagnostics } = parsePlan('plan.yaml', new TextEncoder().encode(source));
  expect(diagnostics).toEqual([]);
  return loaded!.plan as Plan;
}

/** 1-based line and column where `text` first stands in `source`. */
function at(source: string, text: string): [number, number] {
  const lines = source.split('\n');
  const line = lines.findIndex((l) => l.includes(text));
  return [line + 1, lines[line]!.indexOf(text) + 1];
}

/** Diagnostics of a changed copy of the fixture: [rule, line, column, message]. */
function problems(source: string): [string, number, number, string][] {
  return parsePlan('plan.yaml', new TextEncoder().encode(source)).diagnostics.map((d) => [d.ruleId, d.line, d.column, d.message]);
}

/** What pandoc reads from the .docx as HTML, without the word joiners that keep figures with their units. */
function pandocHtml(bytes: Uint8Array): string {
  const r = spawnSync('pandoc', ['-f', 'docx', '-t', 'html', '--wrap=none'], { input: Buffer.from(bytes), encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.replace(/\u2060/g, '');
}

/** Each table row as pandoc reads it from the .docx: the cells' text and how many columns each spans. */
function pandocRows(bytes: Uint8Array): { cells: string[]; spans: number[] }[] {
  return [...pandocHtml(bytes).matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map(([, row]) => {
    const cells = [...row!.matchAll(/<t[hd]([^>]*)>([\s\S]*?)<\/t[hd]>/g)];
    return {
      cells: cells.map(([, , text]) => text!.replace(/<[^>]+>/g, '').trim()),
      spans: cells.map(([, attrs]) => Number(/colspan="(\d+)"/.exec(attrs!)?.[1] ?? 1)),
    };
  });
}

describe('the plan’s own task table', () => {
  let templates: TemplateSet;
  beforeAll(async () => {
    templates = await loadTemplateSet([BUILTIN_TEMPLATES]);
  });
  const render = (plan: Plan, options: Partial<RenderOptions> = {}) => renderDocument(plan, 'tasks', templates, { owners: false, ...options });
  const docx = (plan: Plan, options: Partial<RenderOptions> = {}) => {
    const { blocks, meta } = render(plan, options);
    return emitDocx(blocks, { title: meta.title, creator: meta.creator, date: documentDate(meta.date, {}), pageNumbers: 'outside' });
  };

  it.skipIf(!hasPandoc)('reads back from the .docx with its title, its columns in the plan’s order and names, section rows across the table, and 1…N', async () => {
    const bytes = await docx(load());
    const rows = pandocRows(bytes);
    const standalone = spawnSync('pandoc', ['-f', 'docx', '-t', 'markdown', '-s'], { input: Buffer.from(bytes), encoding: 'utf8' }).stdout;
    expect(standalone.replace(/\u2060/g, '')).toContain('title: 2026年区工商联重点工作季度推进表');
    expect(rows[0]!.cells).toEqual(HEADER);
    expect(rows.map((r) => r.cells[0])).toEqual(['序号', '一、服务企业发展', '1', '2', '二、加强商会建设', '3']);
    // A section row is one cell over all nine columns; a measure's row has a cell per column.
    expect(rows.map((r) => r.spans)).toEqual([HEADER.map(() => 1), [9], HEADER.map(() => 1), HEADER.map(() => 1), [9], HEADER.map(() => 1)]);
    expect(rows[2]!.cells).toEqual(['1', '开展民营企业走访', '区工商联', '区发展改革委', '制定走访计划', '走访企业四十家', '走访企业四十家', '形成走访报告', '10']);
    // A quarter the measure leaves out is an empty cell, in its place.
    expect(rows[5]!.cells).toEqual(['3', '规范镇街商会运行', '区工商联', '各镇人民政府、各街道办事处', '', '完成章程修订', '', '开展规范化评估', '6']);
  });

  it('--task-numbers overrides the plan’s numbering', async () => {
    const plan = load();
    const firstCells = (options: Partial<RenderOptions>) => {
      const table = render(plan, options).blocks.find((b) => b.type === 'table');
      return table?.type === 'table' ? table.rows.map((r) => r[0]) : [];
    };
    expect(firstCells({})).toEqual(['一、服务企业发展', '1', '2', '二、加强商会建设', '3']);
    expect(firstCells({ taskNumbers: 'sequence' })).toEqual(['1', '2', '3']);
    expect(firstCells({ taskNumbers: 'outline' })).toEqual(['一、1', '一、2', '二、1']);
    if (hasPandoc) expect(pandocRows(await docx(plan, { taskNumbers: 'outline' })).map((r) => r.cells[0])).toEqual(['序号', '一、1', '一、2', '二、1']);
  });

  it('and so does the built CLI', () => {
    const r = runCli(['build', FIXTURE, '--doc', 'tasks', '--task-numbers', 'sequence', '--to', 'csv', '-o', '-']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\r\n').slice(0, 2)).toEqual([`\uFEFF${HEADER.join(',')}`, '1,开展民营企业走访,区工商联,区发展改革委,制定走访计划,走访企业四十家,走访企业四十家,形成走访报告,10']);
  });

  it('gives the .csv and the .xlsx the same columns, the section rows spanning the sheet', async () => {
    const { blocks, meta } = render(load());
    const csv = emitCsv(blocks).slice(1).split('\r\n');
    expect(csv[0]).toBe(HEADER.join(','));
    expect(csv[1]).toBe('一、服务企业发展,,,,,,,,');
    const xlsx = unzipSync(await emitXlsx(blocks, { title: meta.title, date: new Date('2026-01-20T00:00:00Z') }));
    const sheet = strFromU8(xlsx['xl/worksheets/sheet1.xml']!);
    const strings = strFromU8(xlsx['xl/sharedStrings.xml'] ?? new Uint8Array());
    for (const h of HEADER) expect(`${sheet}${strings}`).toContain(`>${h}<`);
    expect(sheet).toMatch(/<mergeCell ref="A2:I2"\/>/);
    expect(sheet).toMatch(/<mergeCell ref="A5:I5"\/>/);
    expect(strFromU8(xlsx['xl/workbook.xml']!)).toContain('name="2026年区工商联重点工作季度推进表"');
  });

  it('a unit’s own list keeps the plan’s columns and adds 本单位职责', () => {
    const table = render(load(), { unit: '区营商环境办' }).blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && [table.header, table.rows]).toEqual([
      [...HEADER, '本单位职责'],
      [['一、服务企业发展', '', '', '', '', '', '', '', '', ''], ['1', '办好政企早餐会', '区工商联', '区营商环境办', '第一期', '第二期', '第三期', '第四期', '8', '参与']],
    ]);
  });

  it('the built-in text and target columns, renamed: 目标及质量要求 from the measure’s text', () => {
    const plan = load(
      SOURCE.replace(/  columns:\n(    - .*\n)+/, '  columns: [seq, { key: task, title: 重点任务 }, { key: text, title: 目标及质量要求 }, due, target]\n').replace(/^        columns: .*\n/gm, ''),
    );
    const table = render(plan).blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.header).toEqual(['序号', '重点任务', '目标及质量要求', '完成时限', '目标']);
    expect(table?.type === 'table' && table.rows[1]).toEqual(['1', '开展民营企业走访', '班子成员分片联系重点企业，走访情况和企业诉求按月汇总。', '', '']);
  });

  it('says in Chinese, at the line and column, what is wrong with a column (rule table-column)', () => {
    // An unknown built-in key, as a name and as the key of a renamed column.
    const leed = SOURCE.replace('    - lead\n', '    - leed\n');
    expect(problems(leed)).toEqual([
      ['table-column', ...at(leed, 'leed'), expect.stringMatching(/^分工表的列“leed”不是内置的列，是否应为“lead”？内置的列：seq（序号）、task（工作任务）.*自定义的列写成 \{ title: 分值 \}$/)],
    ]);
    const responsibles = SOURCE.replace('{ key: responsible, title: 配合单位 }', '{ key: responsibles, title: 配合单位 }');
    expect(problems(responsibles)).toEqual([
      ['table-column', ...at(responsibles, 'responsibles'), expect.stringContaining('分工表的列“responsibles”不是内置的列，是否应为“responsible”？')],
    ]);
    // A column written as a mapping is judged as one.
    const titel = SOURCE.replace('{ title: 分值 }', '{ titel: 分值 }');
    expect(problems(titel).map((d) => d.slice(0, 3))).toEqual([
      ['schema-required', ...at(titel, '{ titel')],
      ['schema-unknown-key', ...at(titel, 'titel')],
    ]);
    // A measure's value for a column the table does not have: said at its key.
    const score = SOURCE.replace('四季度: 第四期, 分值: 8', '四季度: 第四期, 分数: 8');
    expect(problems(score)).toEqual([
      ['table-column', ...at(score, '分数'), '分工表没有“分数”这一列：表中自定义的列：一季度、二季度、三季度、四季度、分值'],
    ]);
    // A built-in column's header is filled by the tool, not by the measure.
    const own = SOURCE.replace('四季度: 第四期, 分值: 8', '四季度: 第四期, 配合单位: 区商务局, 分值: 8');
    expect(problems(own)).toEqual([['table-column', ...at(own, '配合单位:'), '“配合单位”是内置的列（responsible），由工具按举措的 responsible 填写，不在 columns 里填']]);
    const withoutTable = SOURCE.replace(/^table:\n(  .*\n)+/m, '');
    // Each value the measures give is said at its own place: 5 + 5 + 3.
    expect(problems(withoutTable).map((d) => d[0])).toEqual(Array.from({ length: 13 }, () => 'table-column'));
    expect(problems(withoutTable)[0]![3]).toBe('分工表没有“一季度”这一列：先在 table.columns 里加上这一列，例如 { title: 分值 }');
    // A table without its task column, and two columns with one header.
    expect(problems(SOURCE.replace('    - { key: task, title: 重点任务 }\n', ''))).toEqual([['table-column', ...at(SOURCE, '- seq'), '分工表的列里需要 task（工作任务）：每一行是一项举措']]);
    const twice = SOURCE.replace('{ title: 四季度 }', '{ title: 三季度 }');
    const fourth = twice.split('\n').flatMap((l, i) => (l.includes('四季度:') ? [[i + 1, l.indexOf('四季度:') + 1]] : []));
    expect(fourth).toHaveLength(3);
    expect(problems(twice)).toEqual([
      ['table-column', ...at(SOURCE, '四季度 }'), '分工表里已有“三季度”这一列：自定义的列按表头取值，表头不能重复'],
      ...fourth.map(([line, column]) => ['table-column', line, column, expect.stringContaining('分工表没有“四季度”这一列')]),
    ]);
  });

  it('check reports it like any other problem: file:line:col, the message and the rule id, exit 1', () => {
    const r = runCli(['check', '-'], { input: SOURCE.replace('    - lead\n', '    - leed\n') });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/<stdin>:11:7\s+错误\s+分工表的列“leed”不是内置的列，是否应为“lead”？.*table-column/);
  });
});
