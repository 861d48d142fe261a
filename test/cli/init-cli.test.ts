/** `workplan init`: a new plan repository that checks and builds from its first commit. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderPlanJsonSchema } from '../../src/plan/json-schema.js';
import { defaultPlanYear } from '../../src/scaffold/scaffold-files.js';
import { runCli } from '../helpers.js';

describe('workplan init', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wp-init-'));
  const repo = path.join(dir, 'plans-repo');

  it('scaffolds the repository into a new folder', () => {
    const r = runCli(['init', repo, '--year', '2026']);
    expect(r.status, r.stderr).toBe(0);
    for (const f of [
      'plans/2026-工作安排意见.yaml',
      'schemas/plan.schema.json',
      'workplan.config.yaml',
      'templates/README.md',
      '.github/workflows/workplan.yml',
      '.gitlab-ci.yml',
      '.gitignore',
    ]) {
      expect(existsSync(path.join(repo, f)), f).toBe(true);
    }
    const plan = readFileSync(path.join(repo, 'plans', '2026-工作安排意见.yaml'), 'utf8');
    expect(plan.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/plan.schema.json');
    expect(readFileSync(path.join(repo, 'schemas', 'plan.schema.json'), 'utf8')).toBe(renderPlanJsonSchema());
  });

  it('check and build pass there', () => {
    const check = runCli(['check'], { cwd: repo });
    expect(check.status, check.stdout).toBe(0);
    const build = runCli(['build', 'plans/'], { cwd: repo });
    expect(build.status, build.stdout + build.stderr).toBe(0);
    expect(existsSync(path.join(repo, 'out', '2026-工作安排意见.docx'))).toBe(true);
  });

  it('writes CI files that are valid YAML whose steps run check and build', () => {
    const workflow = parse(readFileSync(path.join(repo, '.github', 'workflows', 'workplan.yml'), 'utf8'));
    expect(Object.keys(workflow.on)).toEqual(['push', 'pull_request']);
    const runs: string[] = workflow.jobs.plans.steps.flatMap((s: { run?: string }) => (s.run ? [s.run] : []));
    expect(runs.some((r) => /workplan(@\S+)? check --format github$/.test(r))).toBe(true);
    expect(runs.some((r) => /workplan(@\S+)? build plans\//.test(r))).toBe(true);
    expect(workflow.jobs.plans.steps.some((s: { uses?: string }) => s.uses?.startsWith('actions/upload-artifact'))).toBe(true);
    const gitlab = parse(readFileSync(path.join(repo, '.gitlab-ci.yml'), 'utf8'));
    expect(gitlab.workplan.script.join('\n')).toMatch(/--package=workplan@\S+ workplan check[\s\S]*--package=workplan@\S+ workplan build plans\//);
  });

  it('refuses to overwrite existing files unless --force', () => {
    const config = path.join(repo, 'workplan.config.yaml');
    writeFileSync(config, '# 我改过的配置\n');
    const again = runCli(['init', repo]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('已经存在');
    expect(readFileSync(config, 'utf8')).toBe('# 我改过的配置\n');
    expect(runCli(['init', repo, '--force', '--year', '2026']).status).toBe(0);
    expect(readFileSync(config, 'utf8')).toContain('units:');
  });
});

/** A read-only bind mount of `dir` onto itself; false where the system does not allow one. */
function mountReadOnly(dir: string): boolean {
  if (process.platform !== 'linux') return false;
  if (spawnSync('mount', ['--bind', dir, dir], { stdio: 'ignore' }).status !== 0) return false;
  if (spawnSync('mount', ['-o', 'remount,ro,bind', dir], { stdio: 'ignore' }).status === 0) return true;
  spawnSync('umount', [dir], { stdio: 'ignore' });
  return false;
}

describe('init where it cannot write', () => {
  // Root ignores permission bits, so a read-only mount is the honest test; skipped where none can be made.
  it('names the first file in full and the folder it could not create, in a read-only parent', (context) => {
    const parent = mkdtempSync(path.join(tmpdir(), 'wp-init-ro-'));
    if (!mountReadOnly(parent)) return context.skip();
    try {
      const r = runCli(['init', 'my-plans', '--year', '2026'], { cwd: parent });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe('workplan：无法写入“my-plans/plans/2026-工作安排意见.yaml”：无法创建目录“my-plans”（所在位置是只读文件系统，不能写入）\n');
    } finally {
      spawnSync('umount', [parent], { stdio: 'ignore' });
    }
    expect(readdirSync(parent)).toEqual([]);
  });

  it('names the file that stands where the new folder should be', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'wp-init-notdir-'));
    writeFileSync(path.join(parent, 'blocked'), '');
    const r = runCli(['init', 'blocked/my-plans', '--year', '2026'], { cwd: parent });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('workplan：无法写入“blocked/my-plans/plans/2026-工作安排意见.yaml”：“blocked”是文件而不是目录\n');
    expect(readdirSync(parent)).toEqual(['blocked']);
  });
});

describe('init --tool: how the pipelines install workplan', () => {
  const run = (workflow: string) => (parse(workflow) as { jobs: { plans: { steps: { run?: string }[] } } }).jobs.plans.steps.flatMap((s) => (s.run ? [s.run] : []));

  it('writes the spec into both pipelines and workplan.config.yaml, quoted for the shell where needed', () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'wp-init-tool-'));
    const tool = "/opt/公文 工具/workplan-0.1.0.tgz";
    const r = runCli(['init', repo, '--year', '2026', '--tool', tool]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`流水线安装 workplan 用“${tool}”（按 --tool`);
    const quoted = "npx --yes --package='/opt/公文 工具/workplan-0.1.0.tgz' workplan";
    expect(run(readFileSync(path.join(repo, '.github', 'workflows', 'workplan.yml'), 'utf8'))).toEqual([
      `${quoted} check --format github`,
      `${quoted} build plans/ --to docx,md -o out/`,
    ]);
    expect(parse(readFileSync(path.join(repo, '.gitlab-ci.yml'), 'utf8')).workplan.script).toEqual([`${quoted} check`, `${quoted} build plans/ --to docx,md -o out/`]);
    expect(parse(readFileSync(path.join(repo, 'workplan.config.yaml'), 'utf8')).tool).toBe(tool);
    // The configuration with its new key still checks clean.
    expect(runCli(['check'], { cwd: repo }).status).toBe(0);
  });

  it('keeps the tool the configuration records when init runs again without --tool', () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'wp-init-tool-'));
    const git = 'git+https://example.org/tongzhan/workplan.git#v0.1.0';
    expect(runCli(['init', repo, '--year', '2026', '--tool', git]).status).toBe(0);
    const again = runCli(['init', repo, '--year', '2026', '--force']);
    expect(again.stdout).toContain(`流水线安装 workplan 用“${git}”（沿用 workplan.config.yaml 中的 tool`);
    expect(run(readFileSync(path.join(repo, '.github', 'workflows', 'workplan.yml'), 'utf8'))[0]).toBe(`npx --yes --package='${git}' workplan check --format github`);
  });

  it('says when it only guessed the registry name (a run from the clone)', () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'wp-init-tool-'));
    const r = runCli(['init', repo, '--year', '2026']);
    expect(r.stdout).toMatch(/流水线安装 workplan 用“workplan@[\d.]+”（按版本号/);
    expect(r.stdout).toContain('请用 --tool 指定 tarball 路径或 git 地址');
  });

  it('refuses an empty --tool with exit 2', () => {
    const r = runCli(['init', mkdtempSync(path.join(tmpdir(), 'wp-init-tool-')), '--tool', ' ']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--tool 应为一个 npm 包说明');
  });
});

describe('the plan year init picks', () => {
  it('is this year until October, and the coming year from November', () => {
    expect(defaultPlanYear(new Date(2026, 0, 5))).toBe(2026);
    expect(defaultPlanYear(new Date(2026, 9, 31))).toBe(2026);
    expect(defaultPlanYear(new Date(2026, 10, 1))).toBe(2027);
    expect(defaultPlanYear(new Date(2026, 11, 31))).toBe(2027);
  });

  it('names the starter plan after that year when --year is not given', () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'wp-init-year-'));
    expect(runCli(['init', repo]).status).toBe(0);
    const year = defaultPlanYear(new Date());
    expect(existsSync(path.join(repo, 'plans', `${year}-工作安排意见.yaml`))).toBe(true);
  });
});
