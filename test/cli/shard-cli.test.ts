/**
 * --shard i/n: a stable partition of a repository's plan files, so that a CI matrix can split the
 * work. Together the shards check and build each file exactly once, whatever the working folder;
 * init --shards writes the matrix, and its steps run here with the shard the runner would give.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers.js';

const TOPICS = ['社区协商议事', '新就业群体联系服务', '民族团结进步创建', '宗教场所安全检查', '港澳台侨联谊', '网络人士培训', '非公经济人士调研', '党外干部挂职', '同心实践基地建设'];

/** A plan whose one measure has no lead: a warning, so each checked file shows in the JSON once. */
function planText(topic: string): string {
  return `title: 2026年${topic}工作要点
date: 2026-02-01
sections:
  - title: 主要任务
    measures:
      - title: 制定${topic}年度方案
        text: 围绕${topic}梳理年度重点，分解任务、明确时限，年中和年末各评估一次。
`;
}

function makeRepository(): { repo: string; plans: string[] } {
  const repo = mkdtempSync(path.join(tmpdir(), 'wp-shard-'));
  writeFileSync(path.join(repo, 'workplan.config.yaml'), 'speech:\n  pace: 220\n');
  const plans = TOPICS.map((topic, i) => path.join('plans', i % 3 === 0 ? 'sub' : '', `${i + 1}-${topic}.yaml`));
  for (const [i, plan] of plans.entries()) {
    mkdirSync(path.dirname(path.join(repo, plan)), { recursive: true });
    writeFileSync(path.join(repo, plan), planText(TOPICS[i]!));
  }
  return { repo, plans };
}

/** The files one shard checks, as absolute paths, from the JSON findings (one per file). */
function checkShard(cwd: string, target: string, shard: string): string[] {
  const r = runCli(['check', target, '--format', 'json', '--shard', shard], { cwd });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).toMatch(new RegExp(`^分片 ${shard}：共 9 个计划文件，本片 \\d+ 个\\n$`));
  const files = (JSON.parse(r.stdout) as { file: string }[]).map((d) => path.resolve(cwd, d.file));
  expect(new Set(files).size).toBe(files.length);
  return files.sort();
}

describe('check and build --shard', () => {
  const { repo, plans } = makeRepository();
  const all = plans.map((p) => path.join(repo, p)).sort();

  it('shards 1/3, 2/3 and 3/3 together check each file exactly once', () => {
    const shards = ['1/3', '2/3', '3/3'].map((s) => checkShard(repo, 'plans', s));
    expect(shards.flat().sort()).toEqual(all);
    // Not everything in one shard: the hash spreads nine files.
    expect(Math.max(...shards.map((s) => s.length))).toBeLessThan(9);
  });

  it('gives the same partition from another working folder (paths are hashed relative to the repository)', () => {
    const here = ['1/3', '2/3', '3/3'].map((s) => checkShard(repo, 'plans', s));
    const parent = path.dirname(repo);
    const there = ['1/3', '2/3', '3/3'].map((s) => checkShard(parent, path.join(path.basename(repo), 'plans'), s));
    expect(there).toEqual(here);
  });

  it('builds each plan in exactly one shard', () => {
    const built: string[] = [];
    for (const shard of ['1/3', '2/3', '3/3']) {
      const out = path.join(repo, `out-${shard.replace('/', '-')}`);
      const r = runCli(['build', 'plans', '--to', 'md', '-o', out, '--shard', shard], { cwd: repo });
      expect(r.status, r.stderr).toBe(0);
      built.push(...readdirSync(out).map((f) => f.replace(/\.md$/, '')));
    }
    expect(built.sort()).toEqual(plans.map((p) => path.basename(p, '.yaml')).sort());
  });

  it('refuses a shard that is not i/n with 1 ≤ i ≤ n, with exit 2', () => {
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '2']) {
      const r = runCli(['check', 'plans', '--shard', bad], { cwd: repo });
      expect(r.status, bad).toBe(2);
      expect(r.stderr).toContain('--shard 应写作“第几片/共几片”');
    }
    expect(runCli(['build', 'plans', '--shard', '5/4'], { cwd: repo }).status).toBe(2);
  });
});

describe('init --shards', () => {
  const repo = path.join(mkdtempSync(path.join(tmpdir(), 'wp-shard-init-')), 'plans-repo');

  /** An npx that runs this checkout's workplan: `npx --yes --package=<tool> workplan …` → bin/workplan.js … */
  function fakeNpx(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-npx-'));
    writeFileSync(path.join(dir, 'npx'), `#!/bin/sh\nshift 3\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(path.join(dir, 'npx'), 0o755);
    return dir;
  }

  it('writes a GitHub matrix and a GitLab parallel job', () => {
    expect(runCli(['init', repo, '--year', '2026', '--shards', '3']).status).toBe(0);
    const workflow = parse(readFileSync(path.join(repo, '.github', 'workflows', 'workplan.yml'), 'utf8'));
    expect(workflow.jobs.plans.strategy.matrix.shard).toEqual([1, 2, 3]);
    const runs = workflow.jobs.plans.steps.flatMap((s: { run?: string }) => (s.run ? [s.run] : []));
    expect(runs.map((r: string) => r.replace(/^npx --yes --package=\S+ /, ''))).toEqual([
      'workplan check --format github --shard ${{ matrix.shard }}/3',
      'workplan build plans/ --to docx,md -o out/ --shard ${{ matrix.shard }}/3',
    ]);
    expect(workflow.jobs.plans.steps.at(-1).with.name).toBe('文稿-${{ matrix.shard }}');
    const gitlab = parse(readFileSync(path.join(repo, '.gitlab-ci.yml'), 'utf8'));
    expect(gitlab.workplan.parallel).toBe(3);
    expect(gitlab.workplan.script.every((line: string) => line.endsWith(' --shard $CI_NODE_INDEX/$CI_NODE_TOTAL'))).toBe(true);
  });

  it('runs the GitLab script of each parallel job; together they build every plan once', () => {
    for (const [i, topic] of TOPICS.slice(0, 5).entries()) writeFileSync(path.join(repo, 'plans', `${i + 1}-${topic}.yaml`), planText(topic));
    const script: string[] = parse(readFileSync(path.join(repo, '.gitlab-ci.yml'), 'utf8')).workplan.script;
    const built: string[] = [];
    for (const index of [1, 2, 3]) {
      rmSync(path.join(repo, 'out'), { recursive: true, force: true });
      for (const line of script) {
        // GitLab gives each parallel job its index and the total; the shell expands them.
        const r = spawnSync('bash', ['-e', '-c', line], {
          cwd: repo,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1', CI_NODE_INDEX: String(index), CI_NODE_TOTAL: '3', PATH: `${fakeNpx()}${path.delimiter}${process.env.PATH}` },
        });
        expect(r.status, `${line}\n${r.stdout}${r.stderr}`).toBe(0);
        expect(r.stderr).toContain(`分片 ${index}/3：共 6 个计划文件`);
      }
      built.push(...readdirSync(path.join(repo, 'out'), { withFileTypes: true }).flatMap((e) => (e.name.endsWith('.docx') ? [e.name] : [])));
    }
    expect(built.sort()).toEqual(readdirSync(path.join(repo, 'plans')).map((f) => f.replace(/\.yaml$/, '.docx')).sort());
  });

  it('refuses --shards that is not a positive whole number', () => {
    expect(runCli(['init', path.join(repo, 'x'), '--shards', '0']).status).toBe(2);
  });
});
