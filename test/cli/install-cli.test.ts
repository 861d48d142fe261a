/**
 * workplan outside its clone: `npm pack`, install the tarball into an empty prefix, `init` a plan
 * repository with the installed binary, then run the generated GitHub and GitLab pipelines' steps
 * for real, in order, in that repository.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const npmMissing = spawnSync('npm', ['--version'], { stdio: 'ignore' }).status !== 0;
if (npmMissing) console.warn('[install] 未找到 npm：跳过打包、安装和流水线步骤的检查');
const work = mkdtempSync(path.join(tmpdir(), 'wp-install-'));
/**
 * A cache of its own, empty: the tarball must install as on a fresh runner, with nothing fetched
 * (the package has no dependencies; --offline proves it), and the user's npm cache stays untouched.
 */
const npmEnv = { ...process.env, npm_config_cache: path.join(work, 'npm-cache'), npm_config_update_notifier: 'false', NO_COLOR: '1' };
/** The steps call `node` and `npx` from PATH: put the Node under test first. */
const stepEnv = { ...npmEnv, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` };

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = npmEnv) {
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status ?? -1, stdout: r.stdout ?? '', output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

interface Step {
  kind: 'run' | 'skip';
  text: string;
}

/** A GitHub Actions step: `run:` runs; `uses:` (checkout, setup-node, upload) is the runner's business. */
function githubSteps(workflow: string): Step[] {
  const steps = (parse(workflow) as { jobs: { plans: { steps: { run?: string; uses?: string }[] } } }).jobs.plans.steps;
  return steps.map((s) =>
    s.run !== undefined ? { kind: 'run', text: s.run } : { kind: 'skip', text: `${s.uses}：由 GitHub 的运行器提供（检出、安装 Node、上传构件），本地无从执行` },
  );
}

/** A GitLab job's `script:` lines run; `artifacts:` is the runner uploading what they made. */
function gitlabSteps(ci: string): Step[] {
  const job = (parse(ci) as { workplan: { script: string[]; artifacts?: unknown } }).workplan;
  return [
    ...job.script.map((text): Step => ({ kind: 'run', text })),
    ...(job.artifacts ? [{ kind: 'skip' as const, text: 'artifacts：由 GitLab 的运行器上传' }] : []),
  ];
}

/** Runs the steps in order as the runner would (bash -e), each in the repository; stops at the first failure. */
function runSteps(steps: Step[], cwd: string): string[] {
  const log: string[] = [];
  for (const step of steps) {
    if (step.kind === 'skip') {
      log.push(`跳过 ${step.text}`);
      continue;
    }
    const r = run('bash', ['-e', '-c', step.text], cwd, stepEnv);
    expect(r.status, `${step.text}\n${r.output}`).toBe(0);
    log.push(`运行 ${step.text}`);
  }
  return log;
}

describe.skipIf(npmMissing)('installed from the packed tarball', () => {
  const prefix = path.join(work, 'prefix');
  const repo = path.join(work, 'plans-repo');
  let tarball = '';
  let bin = '';

  it('packs bin, the bundle, templates and schemas, and nothing of the sources or tests', () => {
    // The bundle is already built (npm test builds first); --ignore-scripts skips building it again.
    const r = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
    expect(r.status, r.output).toBe(0);
    const [packed] = JSON.parse(r.stdout) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(work, packed!.filename);
    const files = packed!.files.map((f) => f.path);
    expect(files).toContain('bin/workplan.js');
    expect(files).toContain('bin/package.json');
    expect(files).toContain('dist/bundle/main.cjs');
    expect(files).toContain('templates/opinion.md.hbs');
    expect(files).toContain('schemas/plan.schema.json');
    expect(files.filter((f) => /^(src|test|scripts)\/|^dist\/(?!bundle\/)/.test(f))).toEqual([]);
  });

  it('installs into an empty prefix offline: no dependency to fetch, the CLI is bundled', () => {
    mkdirSync(prefix);
    const r = run('npm', ['install', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], work);
    expect(r.status, r.output).toBe(0);
    expect(readdirSync(path.join(prefix, 'node_modules')).filter((name) => !name.startsWith('.')).sort()).toEqual(['workplan']);
    bin = path.join(prefix, 'node_modules', '.bin', 'workplan');
    const version = run(process.execPath, [bin, '--version'], work);
    expect(version.output.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('init with the installed binary records the tarball it came from as the tool', () => {
    const r = run(process.execPath, [bin, 'init', repo, '--year', '2026'], work);
    expect(r.status, r.output).toBe(0);
    expect(r.output).toContain(`流水线安装 workplan 用“${realpathSync(tarball)}”`);
    const config = parse(readFileSync(path.join(repo, 'workplan.config.yaml'), 'utf8')) as { tool: string };
    expect(config.tool).toBe(realpathSync(tarball));
  });

  it('runs the GitHub workflow steps: check and build from the tarball', () => {
    const log = runSteps(githubSteps(readFileSync(path.join(repo, '.github', 'workflows', 'workplan.yml'), 'utf8')), repo);
    expect(log.filter((l) => l.startsWith('运行'))).toHaveLength(2);
    expect(log.filter((l) => l.startsWith('跳过')).map((l) => l.split('：')[0])).toEqual([
      '跳过 actions/checkout@v4',
      '跳过 actions/setup-node@v4',
      '跳过 actions/upload-artifact@v4',
    ]);
    expect(existsSync(path.join(repo, 'out', '2026-工作安排意见.docx'))).toBe(true);
    expect(readFileSync(path.join(repo, 'out', '2026-工作安排意见.md'), 'utf8')).toContain('2026年全区统一战线工作要点');
  });

  it('runs the GitLab job script the same way', () => {
    const out = path.join(repo, 'out');
    rmSync(out, { recursive: true, force: true });
    const log = runSteps(gitlabSteps(readFileSync(path.join(repo, '.gitlab-ci.yml'), 'utf8')), repo);
    expect(log.filter((l) => l.startsWith('运行'))).toHaveLength(2);
    expect(existsSync(path.join(out, '2026-工作安排意见.docx'))).toBe(true);
  });
});
