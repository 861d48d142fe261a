/**
 * `build --redline` through the engine the CLI uses (no binary): what the speaker is told about a
 * 修订稿's length, which old versions are refused and how, plans new since the revision, and the
 * figures a speech's old version is rendered with.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { parseDocument } from 'yaml';
import { type BuildResult, buildDocuments } from '../../src/pipeline/build-documents.js';
import { resolveBuildOptions } from '../../src/pipeline/build-options.js';
import { checkPlans } from '../../src/pipeline/check-plans.js';
import { placeOutputs, publishDocument } from '../../src/pipeline/publish-documents.js';
import { UsageError } from '../../src/usage-error.js';
import { ROOT } from '../helpers.js';

const hasGit = spawnSync('git', ['--version']).status === 0;
const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;
process.env.SOURCE_DATE_EPOCH = '1767225600';

function scratch(...names: string[]): { dir: string; files: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'workplan-redline-engine-'));
  mkdirSync(path.join(dir, 'plans'));
  const files = names.map((n) => {
    const file = path.join(dir, 'plans', n);
    copyFileSync(path.join(ROOT, 'plans', n), file);
    return file;
  });
  return { dir, files };
}

async function build(files: string[], request: { doc?: string; redline?: string; output?: string } = {}): Promise<BuildResult> {
  const checked = await checkPlans(files);
  expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return buildDocuments(checked.plans, resolveBuildOptions({ to: 'docx', output: request.output ?? mkdtempSync(path.join(tmpdir(), 'wp-rl-out-')), ...request }));
}

/** A YAML file with one edit made through the yaml Document API. */
function edited(file: string, edit: (doc: ReturnType<typeof parseDocument>) => void): string {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  edit(doc);
  return doc.toString();
}

/** pandoc's plain text of a docx (whitespace and, unless asked to keep them, U+2060 taken out), changes accepted or rejected. */
function pandocText(bytes: Uint8Array, changes: 'accept' | 'reject', joiners = false): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'wp-rl-docx-')), 'x.docx');
  writeFileSync(file, bytes);
  const r = spawnSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', `--track-changes=${changes}`, file], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.replace(joiners ? /\s/g : /[\s\u2060]/g, '');
}

describe('build --redline, in process', () => {
  it('counts a speech 修订稿’s length on the new version: deleted words are not read aloud', async () => {
    const { dir, files } = scratch('2025-工作安排意见.yaml');
    const old = path.join(dir, 'old.yaml');
    writeFileSync(old, edited(files[0]!, (doc) => doc.setIn(['speech', 'opening'], `${String(doc.getIn(['speech', 'opening']))}借此机会，再把上半年几项重点工作的推进情况向各位作一个更为详细的说明。`)));
    const clean = await build(files, { doc: 'speech' });
    const redlined = await build(files, { doc: 'speech', redline: old });
    expect(redlined.diagnostics).toEqual([]);
    expect(redlined.speeches.map((s) => s.facts)).toEqual(clean.speeches.map((s) => s.facts));
    expect(clean.speeches[0]!.facts.characters).toBeGreaterThan(500);
  });
});

describe('build --redline: old versions that cannot serve', () => {
  it('refuses a speech file as the old version of a plan (and a plan of a speech file) as a usage error naming the old file', async () => {
    const { files } = scratch('2025-工作安排意见.yaml', '2025-汇报发言.yaml');
    const [plan, speech] = files as [string, string];
    await expect(build([plan], { redline: speech })).rejects.toThrow(UsageError);
    await expect(build([plan], { redline: speech })).rejects.toThrow(/旧版本 .*2025-汇报发言\.yaml 是汇报发言文件（kind: speech），要生成修订稿的却是计划文件/);
    await expect(build([speech], { redline: plan })).rejects.toThrow(/旧版本 .*2025-工作安排意见\.yaml 是计划文件/);
  });
});

describe('build --redline: the 修订稿 read back by pandoc', () => {
  it.skipIf(!hasPandoc)('keeps a figure joined to its unit (U+2060) where the figure itself changed', async () => {
    const { dir, files } = scratch('2025-工作安排意见.yaml');
    const plan = files[0]!;
    const withText = (text: string) => edited(plan, (doc) => doc.setIn(['sections', 2, 'measures', 0, 'text'], text));
    const old = path.join(dir, 'old.yaml');
    writeFileSync(old, withText('全年召开政企恳谈会3场，收集诉求100件，办结率不低于95%。'));
    writeFileSync(plan, withText('全年召开政企恳谈会4场，收集诉求120件，办结率不低于95%。'));
    const docx = async (file: string, redline?: string) => {
      const built = await build([file], redline ? { redline } : {});
      expect(built.diagnostics).toEqual([]);
      return (await publishDocument(built.publications.at(-1)!, 'docx')) as Uint8Array;
    };
    const revised = await docx(plan, old);
    // The joiners stay in: each view of the 修订稿 must hold exactly the joiners of the document it stands for.
    const withJoiners = (bytes: Uint8Array, changes: 'accept' | 'reject') => pandocText(bytes, changes, true);
    expect(withJoiners(revised, 'accept')).toContain('4\u2060场');
    expect(withJoiners(revised, 'accept')).toBe(withJoiners(await docx(plan), 'accept'));
    expect(withJoiners(revised, 'reject')).toBe(withJoiners(await docx(old), 'accept'));
  });
});

describe('build --redline: what is written', () => {
  it('writes the clean document and, beside it, the 修订稿; -o FILE puts the 修订稿 beside FILE, never over it', async () => {
    const { dir, files } = scratch('2026-工作安排意见.yaml');
    const old = path.join(dir, 'old.yaml');
    writeFileSync(old, edited(files[0]!, (doc) => doc.set('date', '2025-12-20')));
    const built = await build(files, { redline: old });
    expect(built.publications.map((p) => [p.name, p.meta.revision !== undefined])).toEqual([
      ['2026-工作安排意见', false],
      ['2026-工作安排意见-修订', true],
    ]);
    const xmlOf = async (i: number) => strFromU8(unzipSync((await publishDocument(built.publications[i]!, 'docx')) as Uint8Array)['word/document.xml']!);
    expect(await xmlOf(0)).not.toMatch(/<w:(ins|del) /);
    expect(await xmlOf(1)).toMatch(/<w:(ins|del) /);
    const into = (output: string) => placeOutputs(built.publications, output).map((t) => t.path);
    expect(into(path.join(dir, 'out'))).toEqual([path.join(dir, 'out', '2026-工作安排意见.docx'), path.join(dir, 'out', '2026-工作安排意见-修订.docx')]);
    expect(into(path.join(dir, '送审稿.docx'))).toEqual([path.join(dir, '送审稿.docx'), path.join(dir, '送审稿-修订.docx')]);
    expect(() => into(path.join(dir, '送审稿.pdf'))).toThrow(/扩展名与 --to docx 不符/);
  });
});

/** A scratch git repository whose first commit holds `committed` (plans/…), the user named as a 文秘. */
function gitRepository(committed: Record<string, string>): { dir: string; git: (...args: string[]) => string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'workplan-redline-git-'));
  const git = (...args: string[]) => {
    const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout;
  };
  git('init', '-q');
  git('config', 'user.name', '区委统战部办公室');
  git('config', 'user.email', 'office@example.org');
  mkdirSync(path.join(dir, 'plans'));
  for (const [name, text] of Object.entries(committed)) writeFileSync(path.join(dir, 'plans', name), text);
  git('add', '.');
  git('commit', '-qm', '送审稿');
  return { dir, git };
}

describe.skipIf(!hasGit)('build plans/ --redline REV', () => {
  it('builds a plan added since the revision without a 修订稿 (a warning says so), and the others with theirs', async () => {
    const source = path.join(ROOT, 'plans', '2026-工作安排意见.yaml');
    const older = edited(source, (doc) => doc.set('date', '2025-12-20'));
    const { dir } = gitRepository({ '2026-工作安排意见.yaml': older });
    const current = path.join(dir, 'plans', '2026-工作安排意见.yaml');
    copyFileSync(source, current);
    const added = path.join(dir, 'plans', '2025-工作安排意见.yaml');
    copyFileSync(path.join(ROOT, 'plans', '2025-工作安排意见.yaml'), added);
    const built = await build([added, current], { redline: 'HEAD' });
    expect(built.diagnostics).toEqual([]);
    expect(built.publications.map((p) => [p.name, p.meta.revision !== undefined])).toEqual([
      ['2025-工作安排意见', false],
      ['2026-工作安排意见', false],
      ['2026-工作安排意见-修订', true],
    ]);
    expect(built.warnings.map((w) => [w.ruleId, path.basename(w.file)])).toEqual([['redline-new', '2025-工作安排意见.yaml']]);
    expect(built.warnings[0]!.message).toMatch(/git 的版本 HEAD 里还没有 .*2025-工作安排意见\.yaml.*只生成文稿，没有修订稿/);
    // A revision git does not know is still the user's mistake, for every plan.
    await expect(build([added, current], { redline: 'v1999' })).rejects.toThrow(/找不到旧版本“v1999”/);
    // So is a path named outright that the revision lacks (REV:path is read in the working folder's repository).
    await expect(build([added], { redline: 'HEAD:plans/没有这份计划.yaml' })).rejects.toThrow(UsageError);
  });
});

describe.skipIf(!hasGit || !hasPandoc)('build speech --redline REV: the old speech’s figures', () => {
  it('come from the figures plan at the same revision, so rejecting every change gives the old speech with its old figures', async () => {
    const planText = readFileSync(path.join(ROOT, 'plans', '2025-工作安排意见.yaml'), 'utf8');
    const speechFile = path.join(ROOT, 'plans', '2025-汇报发言.yaml');
    expect(planText).toContain('培训党外代表人士: 186');
    const { dir } = gitRepository({ '2025-工作安排意见.yaml': planText, '2025-汇报发言.yaml': readFileSync(speechFile, 'utf8') });
    // Since the 送审稿: the speech's opening reworded, and the plan's latest figure revised.
    const speech = path.join(dir, 'plans', '2025-汇报发言.yaml');
    writeFileSync(speech, edited(speechFile, (doc) => doc.setIn(['speech', 'opening'], `${String(doc.getIn(['speech', 'opening']))}`.replace('简要汇报', '汇报'))));
    writeFileSync(path.join(dir, 'plans', '2025-工作安排意见.yaml'), planText.replace('培训党外代表人士: 186', '培训党外代表人士: 203'));
    const docx = async (file: string, redline?: string) => {
      const built = await build([file], redline ? { redline } : {});
      expect(built.diagnostics).toEqual([]);
      return { built, bytes: (await publishDocument(built.publications.at(-1)!, 'docx')) as Uint8Array };
    };
    const revised = await docx(speech, 'HEAD');
    expect(revised.built.warnings).toEqual([]);
    const then = scratch('2025-工作安排意见.yaml', '2025-汇报发言.yaml');
    const old = await docx(then.files[1]!);
    expect(pandocText(revised.bytes, 'reject')).toBe(pandocText(old.bytes, 'accept'));
    expect(pandocText(revised.bytes, 'reject')).toContain('186');
    expect(pandocText(revised.bytes, 'accept')).toContain('203');
    expect(pandocText(revised.bytes, 'accept')).toBe(pandocText((await docx(speech)).bytes, 'accept'));
  });

  it('fall back to today’s figures, with a warning, when the figures plan is not in the revision', async () => {
    const speechFile = path.join(ROOT, 'plans', '2025-汇报发言.yaml');
    const { dir } = gitRepository({ '2025-汇报发言.yaml': readFileSync(speechFile, 'utf8') });
    copyFileSync(path.join(ROOT, 'plans', '2025-工作安排意见.yaml'), path.join(dir, 'plans', '2025-工作安排意见.yaml'));
    const built = await build([path.join(dir, 'plans', '2025-汇报发言.yaml')], { redline: 'HEAD' });
    expect(built.diagnostics).toEqual([]);
    expect(built.warnings.map((w) => w.ruleId)).toEqual(['redline-figures', 'redline-same']);
    expect(built.warnings[0]!.message).toMatch(/所引数字的计划“2025-工作安排意见\.yaml”读不出同一版本.*按它现在的数字生成/);
  });
});

describe.skipIf(!hasPandoc)('build speech --redline FILE: the old speech’s figures', () => {
  it('come from the figures plan beside the old file', async () => {
    const now = scratch('2025-工作安排意见.yaml', '2025-汇报发言.yaml');
    const planText = readFileSync(now.files[0]!, 'utf8');
    writeFileSync(now.files[0]!, planText.replace('培训党外代表人士: 186', '培训党外代表人士: 203'));
    const then = scratch('2025-工作安排意见.yaml', '2025-汇报发言.yaml');
    const built = await build([now.files[1]!], { redline: then.files[1]! });
    expect(built.warnings).toEqual([]);
    const bytes = (await publishDocument(built.publications.at(-1)!, 'docx')) as Uint8Array;
    expect(pandocText(bytes, 'reject')).toContain('186');
    expect(pandocText(bytes, 'accept')).toContain('203');
  });
});

describe('build --redline: an attachment removed', () => {
  it('keeps the removed 附件’s own page section (landscape for the 分工表) and marks its head deleted', async () => {
    const { dir, files } = scratch('2026-工作安排意见.yaml');
    const plan = files[0]!;
    const old = path.join(dir, 'old.yaml');
    copyFileSync(plan, old);
    writeFileSync(plan, edited(old, (doc) => doc.delete('attachments')));
    const docx = async (file: string, redline?: string) => {
      const built = await build([file], redline ? { redline } : {});
      expect(built.diagnostics).toEqual([]);
      return (await publishDocument(built.publications.at(-1)!, 'docx')) as Uint8Array;
    };
    const xmlOf = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!);
    const orientations = (bytes: Uint8Array) => [...xmlOf(bytes).matchAll(/<w:pgSz [^>]*\/>/g)].map((m) => /w:orient="(\w+)"/.exec(m[0])?.[1] ?? 'portrait');
    const revised = await docx(plan, old);
    const before = await docx(old);
    expect(orientations(before)).toContain('landscape');
    expect(orientations(revised)).toEqual(orientations(before));
    // The head 附件 and its title are deleted text, not dropped.
    const head = /<w:del [^>]*><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:delText[^>]*>附件<\/w:delText>/;
    expect(xmlOf(revised)).toMatch(head);
    // Every row of the removed table, its header too, is a deleted row (Word removes them on accepting).
    const rows = [...xmlOf(revised).matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.filter((row) => !/<w:trPr>[\s\S]*?<w:del [^>]*\/>[\s\S]*?<\/w:trPr>/.test(row))).toEqual([]);
    if (!hasPandoc) return;
    // pandoc keeps the emptied table's frame, rules of dashes in plain text: those aside, accepting gives the new document.
    expect(pandocText(revised, 'accept').replace(/-{3,}/g, '')).toBe(pandocText(await docx(plan), 'accept'));
    const rejected = pandocText(revised, 'reject');
    const oldText = pandocText(before, 'accept');
    // Everything of the old document but the 附件说明 line (frame: kept as the new version has it, with a warning).
    expect(rejected).toContain(oldText.slice(oldText.lastIndexOf('附件')));
  });
});

describe('build --redline: nothing to mark', () => {
  it('says so (redline-same) when the old version gives the same document, and not otherwise', async () => {
    const { dir, files } = scratch('2026-工作安排意见.yaml');
    const same = path.join(dir, 'same.yaml');
    // Another file, another comment: the documents are the same.
    writeFileSync(same, `# 送审前的副本\n${readFileSync(files[0]!, 'utf8')}`);
    const built = await build(files, { redline: same });
    expect(built.warnings.map((w) => [w.ruleId, w.message])).toEqual([['redline-same', `与 ${path.relative(process.cwd(), same)} 相比没有改动：修订稿里没有修订，与文稿相同`]]);
    const other = path.join(dir, 'other.yaml');
    writeFileSync(other, edited(files[0]!, (doc) => doc.set('date', '2025-12-20')));
    expect((await build(files, { redline: other })).warnings).toEqual([]);
    await expect(build(files, { redline: '-' })).rejects.toThrow(/旧版本不能从标准输入（-）读/);
  });
});
