/**
 * --fix never loses a character: the fixes land on the right characters in every YAML scalar
 * style (plain, quoted, block, wrapped over lines, CRLF), and a fix that would change anything
 * else is refused and reported as fix-unsafe.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkPlans } from '../../src/pipeline/check-plans.js';
import { fixPlans } from '../../src/pipeline/fix-plans.js';

const HEAD = 'title: 二〇二五年工作要点\ndate: 2025-01-10\n';
const SECTIONS = 'sections:\n  - title: 第一部分\n    measures:\n      - title: 开展调研\n        lead: 区委统战部\n';

async function fix(text: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'wp-lossless-'));
  const file = path.join(dir, 'plan.yaml');
  writeFileSync(file, text);
  const result = await checkPlans([file]);
  const { fixes, diagnostics } = fixPlans(result);
  return { after: fixes[0]?.after ?? text, diagnostics };
}

describe('--fix on every scalar style', () => {
  it('D2: a folded scalar with two paragraphs gets each comma fixed in place', async () => {
    const text = `${HEAD}conclusion: >\n  第一段,内容。\n\n  第二段,内容。\n${SECTIONS}`;
    const { after } = await fix(text);
    expect(parse(after).conclusion).toBe('第一段，内容。\n第二段，内容。\n');
    expect(after).toBe(text.replaceAll('段,内', '段，内'));
  });

  it('D3: a plain scalar wrapped over two lines keeps its fold, not its indentation', async () => {
    const text = `${HEAD}guidance: 发挥多党合作优势,\n  助力科学民主决策\n${SECTIONS}`;
    const { after } = await fix(text);
    expect(parse(after).guidance).toBe('发挥多党合作优势， 助力科学民主决策');
    expect(after).toContain('发挥多党合作优势，\n  助力科学民主决策');
  });

  it("D4: a single-quoted scalar with '' gets its fixes, and the YAML stays valid", async () => {
    const text = `${HEAD}guidance: '围绕''同心''品牌,开展活动:交流'\n${SECTIONS}`;
    const { after, diagnostics } = await fix(text);
    expect(parse(after).guidance).toBe("围绕'同心'品牌，开展活动：交流");
    expect(diagnostics).toEqual([]);
  });

  it('a double-quoted scalar with escapes is fixed around them', async () => {
    const text = `${HEAD}guidance: "全年\\t开展调研,形成报告\\u3002"\n${SECTIONS}`;
    const { after } = await fix(text);
    expect(parse(after).guidance).toBe('全年\t开展调研，形成报告。');
  });

  it('a literal block and CRLF line ends keep every other character', async () => {
    const text = `${HEAD}guidance: |\n  第一行,说明。\n    缩进的一行,照旧。\n${SECTIONS}`.replaceAll('\n', '\r\n');
    const { after } = await fix(text);
    expect(after).toBe(text.replaceAll('行,', '行，'));
    expect(parse(after).guidance).toBe('第一行，说明。\n  缩进的一行，照旧。\n');
  });

  it('a fix that would change the value otherwise is refused as fix-unsafe, and other fixes still apply', async () => {
    // Removing the typed 一、 would leave a plain scalar that starts a flow sequence.
    const text = `${HEAD}guidance: 开展调研,形成报告\nsections:\n  - title: 一、[重点]加强团结\n    measures:\n      - title: 开展调研\n        lead: 区委统战部\n`;
    const { after, diagnostics } = await fix(text);
    expect(parse(after).guidance).toBe('开展调研，形成报告');
    expect(parse(after).sections[0].title).toBe('一、[重点]加强团结');
    expect(diagnostics.map((d) => [d.ruleId, d.line])).toEqual([['fix-unsafe', 5]]);
    expect(diagnostics[0]!.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
