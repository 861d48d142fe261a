/**
 * `workplan import` on documents written for these tests as offices write them: a street-level
 * 安排意见 pasted from a web page (.txt, also in GBK), a 要点 under a 印发通知 (.md), a 交流发言
 * (.txt), a 繁体 要點 (.txt) and a .docx whose 一、（一）1.（1） come from Word's automatic
 * numbering (built here with the docx library). Each imports to its reviewed expected.yaml
 * (UPDATE_GOLDEN=1 rewrites); its build has the source's outline, as pandoc reads the .docx; and
 * at least 98% of the source's Han characters come back in order.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { diffArrays } from 'diff';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readMarker } from '../../src/import/import-text.js';
import type { SourceDocument } from '../../src/import/source-document.js';
import { buildDocuments } from '../../src/pipeline/build-documents.js';
import { publishDocument } from '../../src/pipeline/publish-documents.js';
import { resolveBuildOptions } from '../../src/pipeline/build-options.js';
import { checkPlans } from '../../src/pipeline/check-plans.js';
import { importDocuments } from '../../src/pipeline/import-documents.js';
import { readSource } from '../../src/pipeline/read-source.js';
import { expectGolden, ROOT } from '../helpers.js';

const DIR = path.join(ROOT, 'test', 'fixtures', 'import');
const TODAY = '2026-01-01';
const hasPandoc = spawnSync('pandoc', ['--version'], { stdio: 'ignore' }).status === 0;

/** Han characters of a text, in order: what the import's faithfulness is measured on. */
function hanCharacters(text: string): string {
  return (text.match(/\p{Script=Han}/gu) ?? []).join('');
}

/** Share of `source`'s characters that `copy` holds in the same order (a longest common subsequence). */
export function keptInOrder(source: string, copy: string): number {
  if (!source.length) return 1;
  const kept = diffArrays([...source], [...copy])
    .filter((part) => !part.added && !part.removed)
    .reduce((sum, part) => sum + part.value.length, 0);
  return kept / source.length;
}

/** The numbering markers of a text, one per paragraph that has one, with their levels. */
function outlineOf(lines: readonly string[]): string[] {
  return lines.flatMap((line) => {
    const text = line.trim();
    const marker = readMarker(text);
    return marker ? [`${marker.level}:${text.slice(0, marker.length).trim()}`] : [];
  });
}

function paragraphsOf(doc: SourceDocument): string[] {
  return doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
}

async function buildOne(file: string, format: 'md' | 'docx'): Promise<string | Uint8Array> {
  const checked = await checkPlans([file]);
  const built = await buildDocuments(checked.plans, resolveBuildOptions({ to: format, output: mkdtempSync(path.join(tmpdir(), 'wp-real-out-')) }));
  expect(built.diagnostics).toEqual([]);
  return publishDocument(built.publications[0]!, format);
}

/** A 工作要点 as an office's Word writes it: automatic numbering, bold leads, a centred title. */
async function autoNumberedDocx(): Promise<Uint8Array> {
  const outline = {
    reference: 'outline',
    levels: [
      { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
      { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
      { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
      { level: 3, format: LevelFormat.DECIMAL, text: '（%4）', alignment: AlignmentType.LEFT },
    ],
  };
  const numbered = (level: number, lead: string, rest = '') =>
    new Paragraph({
      numbering: { reference: 'outline', level },
      children: level === 2 ? [new TextRun({ text: lead, bold: true }), new TextRun(rest)] : [new TextRun(lead + rest)],
    });
  const plain = (text: string, align?: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Paragraph({ ...(align ? { alignment: align } : {}), children: [new TextRun(text)] });
  const doc = new Document({
    numbering: { config: [outline] },
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '2026年全区侨务工作要点', size: 44 })] }),
          plain('各街道党工委，区级有关部门：'),
          plain('2026年，全区侨务工作要围绕凝聚侨心、发挥侨力、维护侨益，为全区发展多作贡献。'),
          numbered(0, '凝聚侨界人心'),
          numbered(1, '加强联谊交往'),
          numbered(2, '办好侨界联谊活动。', '在传统节日期间举办侨界座谈会，邀请归侨侨眷代表共话发展。（牵头单位：区侨联；责任单位：各街道党工委；完成时限：2026年10月底前）'),
          numbered(2, '建好侨胞之家。', '在侨眷较多的社区建成侨胞之家三个，明确专人管理。'),
          numbered(3, '制定建设标准'),
          numbered(3, '组织验收评估'),
          numbered(0, '维护侨界权益'),
          numbered(1, '做好法律服务'),
          numbered(2, '开展涉侨法律咨询。', '每季度组织律师为归侨侨眷提供一次免费咨询。（牵头单位：区侨联、区司法局；责任单位：各街道；完成时限：长期坚持）'),
          plain('中共澄湖区委统战部', AlignmentType.RIGHT),
          plain('2026年1月28日', AlignmentType.RIGHT),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

interface Case {
  name: string;
  /** The source as stored (text) or built (docx). */
  source: () => Promise<{ file: string; bytes: Uint8Array }>;
}

const textCases: Case[] = readdirSync(DIR)
  .filter((name) => readdirSync(path.join(DIR, name)).some((f) => f.startsWith('source.')))
  .flatMap((name) => {
    const file = readdirSync(path.join(DIR, name)).find((f) => f.startsWith('source.'));
    return file ? [{ name, source: async () => ({ file, bytes: readFileSync(path.join(DIR, name, file)) }) }] : [];
  });
const cases: Case[] = [...textCases, { name: 'auto-numbered', source: async () => ({ file: 'source.docx', bytes: await autoNumberedDocx() }) }];

describe('import: the realistic set', () => {
  it('has a .txt, a .md and a .docx source, and a speech', () => {
    expect(textCases.map((c) => c.name)).toEqual(expect.arrayContaining(['street-plan', 'notice-points', 'exchange-speech', 'hant-points']));
  });

  it('keptInOrder measures characters kept in order', () => {
    expect(keptInOrder('甲乙丙丁', '甲乙丙丁')).toBe(1);
    expect(keptInOrder('甲乙丙丁', '乙甲丙丁')).toBe(0.75);
    expect(keptInOrder('甲乙丙丁', '丁')).toBe(0.25);
  });

  for (const c of cases) {
    it(`${c.name}: imports to its expected plan, keeps its outline and its characters`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), `wp-real-${c.name}-`));
      const { file, bytes } = await c.source();
      const source = path.join(dir, file);
      writeFileSync(source, bytes);
      const target = path.join(dir, 'plan.yaml');
      const { outputs, plans } = await importDocuments([source], { output: target, today: TODAY });
      const text = String(outputs[0]!.data);
      expect(text, `${c.name} 导入结果与 expected.yaml 不同`).toBe(String(expectGolden(path.join(DIR, c.name, 'expected.yaml'), text)));
      writeFileSync(target, text);

      // The result loads with no yaml-* or schema-* problem.
      const checked = await checkPlans([target]);
      expect(checked.diagnostics.filter((d) => /^(yaml|schema)-/.test(d.ruleId))).toEqual([]);

      // At least 98% of the source's Han characters come back in order (web noise aside).
      const read = await readSource(source);
      const built = String(await buildOne(target, 'md'));
      const sourceHan = hanCharacters(paragraphsOf(read).join('\n'));
      expect(keptInOrder(sourceHan, hanCharacters(built))).toBeGreaterThanOrEqual(0.98);
      expect(plans[0]!.removed.length).toBe(read.removed.length);

      // The build's outline, as pandoc reads the .docx, is the source's.
      if (hasPandoc) {
        const docx = path.join(dir, 'built.docx');
        writeFileSync(docx, await buildOne(target, 'docx'));
        const plain = spawnSync('pandoc', ['--wrap=none', '-t', 'plain', docx], { encoding: 'utf8' }).stdout;
        expect(outlineOf(plain.split('\n'))).toEqual(outlineOf(paragraphsOf(read)));
      }
    });
  }

  it('a GBK or GB18030 .txt imports exactly as its UTF-8 text does', async () => {
    for (const name of ['street-plan', 'exchange-speech']) {
      const utf8 = readFileSync(path.join(DIR, name, 'source.txt'), 'utf8');
      for (const encoding of ['gbk', 'gb18030']) {
        const dir = mkdtempSync(path.join(tmpdir(), 'wp-real-gbk-'));
        const source = path.join(dir, 'source.txt');
        writeFileSync(source, iconv.encode(utf8, encoding));
        const { outputs } = await importDocuments([source], { output: path.join(dir, 'plan.yaml'), today: TODAY });
        expect(String(outputs[0]!.data)).toBe(readFileSync(path.join(DIR, name, 'expected.yaml'), 'utf8'));
      }
    }
  });
});
