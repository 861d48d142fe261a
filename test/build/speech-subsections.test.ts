/**
 * The second level inside a speech section (一、主要工作 → （一）… → 一是…二是…), read back from the
 * .docx by pandoc: numbering text and levels in each layout `speech.style` offers, what check counts
 * equal to what build prints, and the tool's numbers never typed by hand.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentDate } from '../../src/pipeline/publish-documents.js';
import { emitDocx } from '../../src/emit/docx/emit-docx.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import type { SpeechFile } from '../../src/plan/model.js';
import { documentText, renderDocument } from '../../src/pipeline/render-document.js';
import { BUILTIN_TEMPLATES, loadTemplateSet, type TemplateSet } from '../../src/render/render-template.js';
import { runRules } from '../../src/rules/run-rules.js';
import { composeSpeech, speechPlainText } from '../../src/speech/compose-speech.js';
import { countHan } from '../../src/text/width.js';
import { ROOT } from '../helpers.js';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'build', 'v2-speech-subsections', 'plan.yaml');
const SOURCE = readFileSync(FIXTURE, 'utf8');
const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;

function load(source: string = SOURCE): SpeechFile {
  const { loaded, diagnostics } = parsePlan('plan.yaml', new TextEncoder().encode(source));
  expect(diagnostics).toEqual([]);
  return loaded!.plan as SpeechFile;
}

const restyle = (file: SpeechFile, style: SpeechFile['speech']['style']): SpeechFile => ({ ...file, speech: { ...file.speech, style } });

/** pandoc's Markdown of the .docx: headings as #, bold leads as **…**, without the word joiners. */
function pandocMarkdown(bytes: Uint8Array): string[] {
  const r = spawnSync('pandoc', ['-f', 'docx', '-t', 'markdown', '--wrap=none'], { input: Buffer.from(bytes), encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.replace(/\u2060/g, '').split('\n').filter(Boolean);
}

describe('a second level inside a speech section', () => {
  let templates: TemplateSet;
  beforeAll(async () => {
    templates = await loadTemplateSet([BUILTIN_TEMPLATES]);
  });
  const docx = (file: SpeechFile) => {
    const { blocks, meta } = renderDocument(file, 'speech', templates, { owners: false });
    return emitDocx(blocks, { title: meta.title, creator: meta.creator, date: documentDate(meta.date, {}), pageNumbers: 'center' });
  };
  /** Lines that carry a number of either level, as pandoc reads them (level 1 headings are #). */
  const numbered = (lines: string[]) => lines.filter((l) => /^(#+ |\*\*)?(（[一二三四]）|[一二三]、)/.test(l)).map((l) => l.replace(/(。\*\*|\*\*$).*$/, '$1'));

  it.skipIf(!hasPandoc)('[numbered, runin]: 一、 headings, （一） bold leads run into their points, numbered again under each section', async () => {
    const lines = pandocMarkdown(await docx(load()));
    expect(numbered(lines)).toEqual([
      '# 一、主要工作',
      '**（一）抓引领，思想基础更加牢固。**',
      '**（二）抓队伍，骨干力量不断充实。**',
      '**（三）抓服务，助力发展成效明显。**',
      '# 二、存在的不足',
      '# 三、下一步打算',
      '**（一）把基层基础打得更牢。**',
      '**（二）把联系服务做得更实。**',
    ]);
    // The section's own intro comes before its subsections; each subsection keeps its own enumeration.
    const at = (s: string) => lines.findIndex((l) => l.startsWith(s));
    expect(at('一年来，我们围绕')).toBeLessThan(at('**（一）抓引领'));
    expect(lines).toContain('**（一）抓引领，思想基础更加牢固。**一是镇党委理论学习中心组专题学习统战理论两次；二是在商会和新阶层人士中组织同心学习沙龙六场；三是编印学习材料发到每一位党外代表人士手中。');
    expect(lines[at('**（二）抓队伍') + 1]).toBe('1、新推荐党外代表人士担任镇人大代表三名。');
    expect(lines).toContain('**（三）抓服务，助力发展成效明显。**商会牵线引进的两家配套企业已经投产，乡贤理事会协调解决用地、用工问题九件。');
  });

  it('style: numbered makes （一） a heading of the second level (Heading 2, 楷体), under the 一、 heading', async () => {
    const bytes = await docx(restyle(load(), 'numbered'));
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
    const headings = [...xml.matchAll(/<w:pStyle w:val="(Heading\d)"\/><\/w:pPr>((?:(?!<\/w:p>)[\s\S])*)<\/w:p>/g)].map(
      ([, style, body]) => `${style}:${[...body!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')}`,
    );
    expect(headings).toEqual([
      'Heading1:一、主要工作',
      'Heading2:（一）抓引领，思想基础更加牢固',
      'Heading2:（二）抓队伍，骨干力量不断充实',
      'Heading2:（三）抓服务，助力发展成效明显',
      'Heading1:二、存在的不足',
      'Heading1:三、下一步打算',
      'Heading2:（一）把基层基础打得更牢',
      'Heading2:（二）把联系服务做得更实',
    ]);
    if (hasPandoc) {
      const lines = pandocMarkdown(bytes);
      expect(lines.filter((l) => l.startsWith('#'))).toEqual(headings.map((h) => h.replace(/^Heading(\d):/, (_, n: string) => `${'#'.repeat(Number(n))} `)));
      // A heading's points follow it as a paragraph of their own.
      expect(lines[lines.indexOf('## （一）把基层基础打得更牢') + 1]).toBe('一是年内实现村社区统战联络员全覆盖；二是每季度对联络员开展一次业务培训。');
    }
  });

  it('style: runin (the default) runs both levels in: the section’s bold lead, then （一） bold leads', () => {
    const { markdown } = renderDocument(restyle(load(), undefined), 'speech', templates, { owners: false });
    expect(markdown).toContain('\n**主要工作。**一年来，我们围绕凝聚人心、服务发展两条主线，重点抓了三个方面。\n\n**（一）抓引领，思想基础更加牢固。**一是');
    // A section of subsections alone is its bold lead on a line, the subsections after it.
    expect(markdown).toContain('\n**下一步打算。**\n\n**（一）把基层基础打得更牢。**一是');
  });

  for (const style of [undefined, 'numbered', ['numbered', 'runin'], ['runin', 'numbered']] as const) {
    it(`check counts what build prints (style ${JSON.stringify(style)})`, () => {
      const file = restyle(load(), style === undefined ? undefined : style === 'numbered' ? style : [...style]);
      const fromCheck = countHan(speechPlainText(composeSpeech(file)!));
      const fromBuild = countHan(documentText(renderDocument(file, 'speech', templates, { owners: false }).blocks));
      expect(fromCheck).toBe(fromBuild);
      // The count holds the subsections' text.
      expect(speechPlainText(composeSpeech(file)!)).toContain('（二）把联系服务做得更实');
    });
  }

  it('numbering-typed knows a typed （一） in a subsection title and 一是 in its points', () => {
    const typed = SOURCE.replace('- title: 抓队伍', '- title: （二）抓队伍').replace('- 组织新阶层人士', '- 一是组织新阶层人士');
    const { loaded } = parsePlan('plan.yaml', new TextEncoder().encode(typed));
    const found = runRules(loaded!, {}).diagnostics.filter((d) => d.ruleId === 'numbering-typed');
    expect(found.map((d) => d.path)).toEqual(['sections[0].sections[1].title', 'sections[2].sections[1].points[0]']);
  });

  it('says what a part needs, and that the second level is the last', () => {
    const empty = SOURCE.replace(/  - title: 下一步打算\n(    .*\n|      .*\n|        .*\n|          .*\n)+/, '  - title: 下一步打算\n');
    const a = parsePlan('plan.yaml', new TextEncoder().encode(empty)).diagnostics;
    expect(a.map((d) => [d.ruleId, d.message])).toEqual([['schema-required', '这一部分需要 points（要点）、text（段落）或 sections（小部分）']]);
    const third = SOURCE.replace('        enumerate: numbered\n', '        sections: [{ title: 再下一级, text: 正文 }]\n');
    const b = parsePlan('plan.yaml', new TextEncoder().encode(third)).diagnostics;
    expect(b.map((d) => [d.ruleId, d.message])).toEqual([['schema-unknown-key', '未知的键“sections”。这里可用的键：title、intro、points、enumerate、text']]);
  });
});
