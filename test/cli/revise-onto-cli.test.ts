/**
 * `import revised.docx --onto plan.yaml`: the example's opinion, built by us, revised by a client
 * that is not ours (python-docx, as a leader's Word would: a title retyped, a sentence changed as a
 * tracked deletion and insertion, a measure added, one deleted, a unit changed in the 分工表), then
 * carried back. Only the changed scalars change; ids, progress, comments and layout stay byte for
 * byte; a second run has nothing to do; --dry-run writes nothing.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runCli } from '../helpers.js';

function findPythonDocx(): string | undefined {
  for (const python of ['python3', '/usr/bin/python3']) {
    if (spawnSync(python, ['-c', 'import docx'], { encoding: 'utf8' }).status === 0) return python;
  }
  return undefined;
}
const python = findPythonDocx();

// The leader's revision. Tracked changes are written as Word writes them (w:del with w:delText, w:ins).
const REVISE = String.raw`
import sys, copy, docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree
d = docx.Document(sys.argv[1])
ps = d.paragraphs
def text(p):
    return ''.join(t.text or '' for t in p._p.iter(qn('w:t')))
def find(prefix):
    for p in ps:
        if text(p).replace('\u2060', '').startswith(prefix): return p
    raise SystemExit('no paragraph ' + prefix)
def replace(p, old, new):
    for r in p.runs:
        if old in (r.text or ''):
            r.text = r.text.replace(old, new); return
    raise SystemExit('not in runs: ' + old)
# 1. A title retyped.
replace(find('2.深化'), '主题教育实践', '主题教育')
# 2. A tracked change: 每季度推出一批 deleted, 每月推出 inserted.
p = find('3.建好用好')
for r in p.runs:
    if '每季度推出一批' in (r.text or ''):
        before, after = r.text.split('每季度推出一批', 1)
        r.text = before
        rpr = r._r.find(qn('w:rPr'))
        def run(text, tag):
            el = etree.SubElement(etree.Element('dummy'), qn('w:r'))
            if rpr is not None: el.append(copy.deepcopy(rpr))
            t = etree.SubElement(el, qn(tag)); t.text = text
            t.set('{http://www.w3.org/XML/1998/namespace}space', 'preserve')
            return el
        dele = etree.Element(qn('w:del')); dele.set(qn('w:id'), '901'); dele.set(qn('w:author'), '领导'); dele.append(run('每季度推出一批', 'w:delText'))
        ins = etree.Element(qn('w:ins')); ins.set(qn('w:id'), '902'); ins.set(qn('w:author'), '领导'); ins.append(run('每月推出', 'w:t'))
        tail = run(after, 'w:t')
        r._r.addnext(dele); dele.addnext(ins); ins.addnext(tail)
        break
# 3. A measure added after the last one of part three.
last = find('3.开展民营经济促进法')
new = copy.deepcopy(last._p); last._p.addnext(new)
np = Paragraph(new, last._parent)
np.runs[0].text = '4.开展新生代民营企业家培训。'
for r in np.runs[1:]: r.text = ''
np.runs[-1].text = '依托区委党校每年举办一期新生代民营企业家研修班，安排企业走访和政策解读，帮助年轻一代企业家坚定发展信心。'
# 4. A measure deleted.
gone = find('2.引导新阶层人士')
gone._p.getparent().remove(gone._p)
# 6. Two measures of part two swapped, and renumbered by hand as a writer would.
a = find('1.规范开展政党协商'); b = find('2.支持民主党派')
b._p.getparent().remove(b._p); a._p.addprevious(b._p)
replace(b, '2.', '1.'); replace(a, '1.', '2.')
# 5. In the 分工表: the lead of 做好网络人士统战工作 changed.
for row in d.tables[0].rows:
    if ''.join(t.text or '' for t in row.cells[1]._tc.iter(qn('w:t'))).replace('\u2060', '') == '做好网络人士统战工作':
        row.cells[2].paragraphs[0].runs[0].text = '区委网信办'
        for r in row.cells[2].paragraphs[0].runs[1:]: r.text = ''
# 7. A deadline moved in the 分工表: 开展“政企面对面”恳谈活动 by the end of October.
for row in d.tables[0].rows:
    if ''.join(t.text or '' for t in row.cells[1]._tc.iter(qn('w:t'))).replace('\u2060', '') == '开展“政企面对面”恳谈活动':
        row.cells[4].paragraphs[0].runs[0].text = '2026年10月底前'
        for r in row.cells[4].paragraphs[0].runs[1:]: r.text = ''
# 9. A target raised in the 分工表's 目标 column.
for row in d.tables[0].rows:
    if ''.join(t.text or '' for t in row.cells[1]._tc.iter(qn('w:t'))).replace('\u2060', '') == '建好用好统一战线宣传阵地':
        row.cells[5].paragraphs[0].runs[0].text = '推出统战人物故事24篇'
        for r in row.cells[5].paragraphs[0].runs[1:]: r.text = ''
# 10. A new part at the end, with one measure: a heading and a measure paragraph in the document's own formats.
heading = find('六、夯实基层基础'); last = find('4.建设“智慧统战”信息平台')
h = copy.deepcopy(heading._p); m = copy.deepcopy(last._p)
last._p.addnext(h); h.addnext(m)
hp = Paragraph(h, last._parent); hp.runs[0].text = '七、加强统战理论研究'
for r in hp.runs[1:]: r.text = ''
mp = Paragraph(m, last._parent); mp.runs[0].text = '1.开展年度统战理论课题研究。'
for r in mp.runs[1:]: r.text = ''
mp.runs[-1].text = '围绕新时代统战工作的重点难点确定三个课题，邀请区委党校和民主党派专家共同承担，年底前形成研究报告。'
# 8. A comment (批注) on the first part's first measure, as Word stores one: comments.xml, its
#    relationship and content type, and the range marks in the paragraph.
W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
p = find('1.深入学习')
start = etree.Element(qn('w:commentRangeStart')); start.set(qn('w:id'), '7')
end = etree.Element(qn('w:commentRangeEnd')); end.set(qn('w:id'), '7')
ref = etree.Element(qn('w:r')); mark = etree.SubElement(ref, qn('w:commentReference')); mark.set(qn('w:id'), '7')
p._p.insert(1 if p._p.find(qn('w:pPr')) is not None else 0, start); p._p.append(end); p._p.append(ref)
d.save(sys.argv[2])
import zipfile, shutil
src = zipfile.ZipFile(sys.argv[2]); items = {i.filename: src.read(i.filename) for i in src.infolist()}; src.close()
items['word/comments.xml'] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="%s"><w:comment w:id="7" w:author="张部长" w:date="2026-01-15T09:00:00Z"><w:p><w:r><w:t>请补充培训的具体人数</w:t></w:r></w:p></w:comment></w:comments>' % W).encode()
rels = items['word/_rels/document.xml.rels'].decode()
items['word/_rels/document.xml.rels'] = rels.replace('</Relationships>', '<Relationship Id="rIdC7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>').encode()
types = items['[Content_Types].xml'].decode()
items['[Content_Types].xml'] = types.replace('</Types>', '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>').encode()
out = zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED)
for name, data in items.items(): out.writestr(name, data)
out.close()
`;

let work: string;
let plan: string;
let original: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'wp-onto-'));
  plan = path.join(work, 'plan.yaml');
  copyFileSync(path.join(ROOT, 'plans', '2026-工作安排意见.yaml'), plan);
  original = readFileSync(plan, 'utf8');
  if (!python) return;
  const built = runCli(['build', 'plan.yaml', '-o', 'draft.docx'], { cwd: work });
  expect(built.status, built.stderr).toBe(0);
  writeFileSync(path.join(work, 'revise.py'), REVISE);
  const revised = spawnSync(python, ['revise.py', 'draft.docx', 'revised.docx'], { cwd: work, encoding: 'utf8' });
  expect(revised.status, revised.stderr).toBe(0);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The plan as it should be: the original text with exactly the leader's changes. */
function expectedPlan(prune: boolean): string {
  let text = original
    .replace('      - title: 深化“同心向党”主题教育实践\n', '      - title: 深化“同心向党”主题教育\n')
    .replace('每季度推出一批统战人物故事和工作案例', '每月推出统战人物故事和工作案例');
  // The new measure after the last of its part: before the next part's first line.
  const nextPart = '  - title: 凝聚新的社会阶层人士力量，拓展统战工作新领域\n';
  text = text.replace(
    nextPart,
    '      - title: 开展新生代民营企业家培训\n        text: 依托区委党校每年举办一期新生代民营企业家研修班，安排企业走访和政策解读，帮助年轻一代企业家坚定发展信心。\n' + nextPart,
  );
  const network = text.indexOf('      - title: 做好网络人士统战工作\n');
  const lead = text.indexOf('        lead: ', network);
  const end = text.indexOf('\n', lead);
  text = `${text.slice(0, lead)}        lead: 区委网信办${text.slice(end)}`;
  text = text.replace('          - { name: 推出统战人物故事, value: 20, unit: 篇 }\n', '          - { name: 推出统战人物故事, value: 24, unit: 篇 }\n');
  const talks = text.indexOf('      - title: 开展“政企面对面”恳谈活动\n');
  const due = text.indexOf('        due: 2026-12\n', talks);
  text = `${text.slice(0, due)}        due: 2026-10\n${text.slice(due + '        due: 2026-12\n'.length)}`;
  // The new part, last of the parts: before the key after them.
  text = text.replace(
    '\nconclusion: |',
    '\n  - title: 加强统战理论研究\n    measures:\n      - title: 开展年度统战理论课题研究\n        text: 围绕新时代统战工作的重点难点确定三个课题，邀请区委党校和民主党派专家共同承担，年底前形成研究报告。\nconclusion: |',
  );
  // The two swapped measures: their lines trade places.
  const first = text.indexOf('      - title: 规范开展政党协商\n');
  const second = text.indexOf('      - title: 支持民主党派加强自身建设\n');
  const third = text.indexOf('      - title: ', second + 1);
  text = text.slice(0, first) + text.slice(second, third) + text.slice(first, second) + text.slice(third);
  if (prune) {
    const start = text.indexOf('      - title: 引导新阶层人士参与基层治理\n');
    const next = text.search(/\n {2}- title: 铸牢中华民族共同体意识/);
    text = text.slice(0, start) + text.slice(next + 1);
  }
  return text;
}

describe.skipIf(!python)('import --onto: a leader’s revisions back into the plan', () => {
  it('--dry-run shows the change as a diff and as 新增/调整/删除 lines, and writes nothing', () => {
    const result = runCli(['import', 'revised.docx', '--onto', 'plan.yaml', '--dry-run'], { cwd: work });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('+      - title: 深化“同心向党”主题教育\n');
    expect(result.stdout).toContain('-      - title: 深化“同心向党”主题教育实践\n');
    expect(result.stderr).toMatch(/^新增 .*开展新生代民营企业家培训/m);
    expect(result.stderr).toMatch(/^新增 +第七部分 +加强统战理论研究：新增部分，含 1 项举措/m);
    expect(result.stderr).toMatch(/^调整 .*建好用好统一战线宣传阵地：正文改写/m);
    expect(result.stderr).toMatch(/^调整 .*做好网络人士统战工作：牵头单位：.* → 区委网信办/m);
    expect(result.stderr).toMatch(/^删除 .*引导新阶层人士参与基层治理：修改稿中没有这一项；计划中保留/m);
    expect(result.stderr).toMatch(/^调整 .*支持民主党派加强自身建设：次序调整/m);
    expect(result.stderr).toMatch(/^调整 .*开展“政企面对面”恳谈活动：完成时限：2026-12 → 2026-10/m);
    // The leader's comment is listed with where it stands, and not written into the plan.
    expect(result.stderr).toMatch(/^批注（张部长）在“1\.深入学习贯彻党的创新理论.*”处：请补充培训的具体人数$/m);
    expect(readFileSync(plan, 'utf8')).toBe(original);
  });

  it('writes exactly the changed scalars and the new measure; everything else stays byte for byte; a second run has nothing to do', () => {
    const result = runCli(['import', 'revised.docx', '--onto', 'plan.yaml'], { cwd: work });
    expect(result.status, result.stderr).toBe(0);
    const after = readFileSync(plan, 'utf8');
    expect(after).toBe(expectedPlan(false));
    // The ids and progress reports of the changed measures are still there, and the plan checks clean.
    const data = parse(after) as { sections: { measures: { id?: string; title: string; progress?: unknown }[] }[] };
    expect(data.sections[0]!.measures[1]!.id).toBe('tongxin');
    expect(runCli(['check', 'plan.yaml'], { cwd: work }).status).toBe(0);
    const again = runCli(['import', 'revised.docx', '--onto', 'plan.yaml'], { cwd: work });
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('没有可写回的差别');
    expect(readFileSync(plan, 'utf8')).toBe(after);
  });

  it('--prune removes the measure the revision deleted', () => {
    const result = runCli(['import', 'revised.docx', '--onto', 'plan.yaml', '--prune'], { cwd: work });
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(plan, 'utf8')).toBe(expectedPlan(true));
  });

  it('refuses what it cannot do, in Chinese, and leaves the plan as it was', () => {
    writeFileSync(plan, original);
    const speech = path.join(work, 'speech.yaml');
    copyFileSync(path.join(ROOT, 'plans', '2025-汇报发言.yaml'), speech);
    const onSpeech = runCli(['import', 'revised.docx', '--onto', 'speech.yaml'], { cwd: work });
    expect(onSpeech.status).toBe(2);
    expect(onSpeech.stderr).toContain('发言文件');
    const twoFiles = runCli(['import', 'revised.docx', 'draft.docx', '--onto', 'plan.yaml'], { cwd: work });
    expect(twoFiles.status).toBe(2);
    const withOutput = runCli(['import', 'revised.docx', '--onto', 'plan.yaml', '-o', 'x.yaml'], { cwd: work });
    expect(withOutput.status).toBe(2);
    const dryAlone = runCli(['import', 'revised.docx', '--dry-run'], { cwd: work });
    expect(dryAlone.status).toBe(2);
    // A document made from another plan: refused, nothing written.
    copyFileSync(path.join(ROOT, 'plans', '2025-工作总结和2026年工作打算.yaml'), path.join(work, 'other.yaml'));
    expect(runCli(['build', 'other.yaml', '-o', 'other.docx'], { cwd: work }).status).toBe(0);
    const other = runCli(['import', 'other.docx', '--onto', 'plan.yaml'], { cwd: work });
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/不像由这份计划生成的文稿，计划未改动/);
    writeFileSync(path.join(work, 'broken.yaml'), 'title: [未闭合\n');
    const broken = runCli(['import', 'revised.docx', '--onto', 'broken.yaml'], { cwd: work });
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('yaml-syntax');
    expect(readFileSync(plan, 'utf8')).toBe(original);
  });
});

// Every example plan: its first measure's lead sentence revised as a tracked insertion, carried back.
const GENERIC = String.raw`
import sys, copy, re, docx
from docx.oxml.ns import qn
from lxml import etree
d = docx.Document(sys.argv[1])
title = sys.argv[3]
for p in d.paragraphs:
    runs = p.runs
    text = ''.join(t.text or '' for t in p._p.iter(qn('w:t'))).replace('\u2060', '')
    if title not in text: continue
    for r in runs:
        if r.text and '。' in r.text:
            # The lead sentence ends at its 。: the insertion goes just before it, in a run of its own.
            i = r.text.index('。')
            rest = copy.deepcopy(r._r)
            for t in rest.iter(qn('w:t')): t.text = ''
            list(rest.iter(qn('w:t')))[0].text = r.text[i:]
            ins = etree.Element(qn('w:ins')); ins.set(qn('w:id'), '903'); ins.set(qn('w:author'), '领导')
            added = copy.deepcopy(rest)
            list(added.iter(qn('w:t')))[0].text = '（修订）'
            ins.append(added)
            r.text = r.text[:i]
            r._r.addnext(ins); ins.addnext(rest)
            d.save(sys.argv[2]); sys.exit(0)
sys.exit('not found: ' + title)
`;

const EXAMPLES = ['2025-工作安排意见', '2026-工作安排意见', '2026-全区统一战线工作要点', '2025-工作总结和2026年工作打算', '2025-港澳青年交流工作計劃'];

describe.skipIf(!python)('import --onto on every example plan', () => {
  it.each(EXAMPLES)('%s: a tracked insertion in the first lead sentence changes that title and nothing else', (name) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-onto-each-'));
    try {
      const file = path.join(dir, 'plan.yaml');
      copyFileSync(path.join(ROOT, 'plans', `${name}.yaml`), file);
      const before = readFileSync(file, 'utf8');
      // The first measure's title; a 总结 without measures: the first sub-part's (its lead sentence in the document).
      const data = parse(before) as { sections?: { measures?: { title: string }[]; sections?: { title: string }[] }[]; measures?: { title: string }[] };
      const measures = data.sections?.find((s) => s.measures?.length)?.measures ?? data.measures;
      const title = measures ? measures[0]!.title : data.sections![0]!.sections![0]!.title;
      expect(runCli(['build', 'plan.yaml', '-o', 'draft.docx'], { cwd: dir }).status).toBe(0);
      writeFileSync(path.join(dir, 'generic.py'), GENERIC);
      const revised = spawnSync(python!, ['generic.py', 'draft.docx', 'revised.docx', title], { cwd: dir, encoding: 'utf8' });
      expect(revised.status, revised.stderr).toBe(0);
      const result = runCli(['import', 'revised.docx', '--onto', 'plan.yaml'], { cwd: dir });
      expect(result.status, result.stderr).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(before.replace(`title: ${title}\n`, `title: ${title}（修订）\n`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
