/**
 * A plan just imported builds: the writing problems its source carried (XX, masked words) are
 * named in a `# workplan-imported` line; check still reports them as errors, build does not stop.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { resolveBuildOptions } from '../../src/pipeline/build-options.js';
import { buildPlans } from '../../src/pipeline/build-plans.js';
import { checkPlans } from '../../src/pipeline/check-plans.js';
import { importDocuments } from '../../src/pipeline/import-documents.js';

const SOURCE = [
  '柳岸镇2027年河道保洁工作安排意见',
  '一、落实保洁责任',
  '1.明确河段责任人。每条河道落实XX名镇干部，由dang委统一调度。（牵头单位：镇河长办）',
  '2.建立巡查台账。巡查情况每周登记一次。（牵头单位：镇水利站）',
  '柳岸镇人民政府',
  '2027年1月9日',
].join('\n');

async function importSource(text: string): Promise<{ file: string; carried: { ruleId: string; count: number }[]; yaml: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'wp-carried-'));
  const source = path.join(dir, 'source.txt');
  writeFileSync(source, text);
  const file = path.join(dir, 'plan.yaml');
  const { outputs, plans } = await importDocuments([source], { output: file, today: '2031-05-05' });
  const yaml = String(outputs[0]!.data);
  writeFileSync(file, yaml);
  return { file, carried: plans[0]!.carried, yaml };
}

describe('an imported plan builds', () => {
  it('names the problems the source carried, and build lets them through while check still fails', async () => {
    const { file, carried, yaml } = await importSource(SOURCE);
    expect(carried).toEqual([
      { ruleId: 'placeholder', count: 1 },
      { ruleId: 'masked-word', count: 1 },
    ]);
    expect(yaml.split('\n')[1]).toBe('# workplan-imported placeholder, masked-word');

    const check = await checkPlans([file]);
    expect(check.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId).sort()).toEqual(['masked-word', 'placeholder']);

    const build = await checkPlans([file], undefined, { importedAsWarnings: true });
    expect(build.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const placeholder = build.diagnostics.find((d) => d.ruleId === 'placeholder')!;
    expect([placeholder.severity, placeholder.message]).toEqual(['warning', expect.stringMatching(/导入的原文如此.*check 仍报错/)]);
  });

  it('lets through only the rules the line names: a problem added after the import stops the build', async () => {
    const { file, yaml } = await importSource(SOURCE.replace('XX', '两'));
    expect(yaml.split('\n')[1]).toBe('# workplan-imported masked-word');
    writeFileSync(file, yaml.replace('巡查情况每周登记一次。', '巡查情况每周登记XX次。'));
    const build = await checkPlans([file], undefined, { importedAsWarnings: true });
    expect(build.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toEqual(['placeholder']);
  });

  it('writes no such line for a clean source', async () => {
    const { yaml, carried } = await importSource(SOURCE.replace('XX', '两').replace('dang', '党'));
    expect(carried).toEqual([]);
    expect(yaml).not.toMatch(/workplan-imported/);
  });
});

describe('an imported plan that does not load yet', () => {
  it('still names the problems its source carried, for when the author has written the 成文日期', async () => {
    const { carried, yaml } = await importSource(SOURCE.replace('柳岸镇人民政府\n2027年1月9日', ''));
    expect(yaml).not.toMatch(/^date:/m);
    expect(carried.map((c) => c.ruleId)).toEqual(['placeholder', 'masked-word']);
  });
});

describe('--fix on a plan left incomplete for its author', () => {
  it('still applies the safe fixes, and adds no date, title or 部分', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-fix-'));
    const source = path.join(dir, 'source.txt');
    writeFileSync(source, ['柳岸镇河道保洁工作情况', '今年以来,全镇分段包干,河道面貌明显改善。'].join('\n'));
    const { outputs } = await importDocuments([source], { output: path.join(dir, 'plan.yaml'), today: '2031-05-05', fix: true });
    const yaml = String(outputs[0]!.data);
    expect(yaml).toContain('guidance: 今年以来，全镇分段包干，河道面貌明显改善。');
    expect(yaml).not.toMatch(/^(date|sections):/m);
    expect(yaml).not.toMatch(/导入时留空/);
  });

  it('keeps an empty title empty while fixing the rest', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-fix-'));
    const source = path.join(dir, 'source.txt');
    writeFileSync(source, ['今年以来,全镇把河道保洁作为改善人居环境的头等大事来抓,组织村组干部和志愿者分段包干,每周开展一次集中清理,群众满意度明显提高。', '（一）落实河长巡查。每周巡河一次。', '（二）建立保洁台账。逐村登记。'].join('\n'));
    const { outputs } = await importDocuments([source], { output: path.join(dir, 'plan.yaml'), today: '2031-05-05', fix: true });
    const yaml = String(outputs[0]!.data);
    expect(yaml).toMatch(/^title: ""$/m);
    expect(yaml).toContain('今年以来，全镇把河道保洁');
  });
});

describe('build on an imported plan', () => {
  it('writes the document, saying the carried problems as warnings, not as problems that stopped it', async () => {
    const { file } = await importSource(SOURCE);
    const output = mkdtempSync(path.join(tmpdir(), 'wp-carried-out-'));
    const fatal: boolean[] = [];
    const outcome = await buildPlans([file], resolveBuildOptions({ to: 'md', output }), {}, { diagnostics: (_list, isFatal) => fatal.push(isFatal), stdout: () => undefined });
    expect(outcome.code).toBe(0);
    expect(fatal).toEqual([false]);
    expect(existsSync(path.join(output, 'plan.md'))).toBe(true);
  });
});

