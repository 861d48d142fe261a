/** The outputs of one call as a set: all or nothing, and no debris left by a run that died. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatJournal, recoverLeftovers } from '../../src/system/output-leftovers.js';
import { UsageError } from '../../src/usage-error.js';
import { writeOutputs } from '../../src/system/write-outputs.js';

// A disk that fills up while one chosen temp is being synced: the file exists, half-trusted.
const fault = vi.hoisted(() => ({ temp: undefined as RegExp | undefined }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof actual.open = async (file, flags, mode) => {
    const handle = await actual.open(file, flags, mode);
    if (!fault.temp?.test(path.basename(String(file)))) return handle;
    return new Proxy(handle, {
      get(target, key) {
        if (key === 'sync') return () => Promise.reject(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  };
  return { ...actual, open, default: { ...actual, open } };
});

afterEach(() => {
  fault.temp = undefined;
});

const tmp = (prefix: string) => mkdtempSync(path.join(tmpdir(), `wp-${prefix}-`));
const list = (dir: string) => readdirSync(dir).sort();
const read = (file: string) => readFileSync(file, 'utf8');

/** A process number that surely ran and surely is gone: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

describe('writeOutputs: the set', () => {
  it('changes no target and leaves no temp when the second file fails', async () => {
    const dir = tmp('set-fail');
    writeFileSync(path.join(dir, 'a.md'), '旧的甲');
    writeFileSync(path.join(dir, 'b.md'), '旧的乙');
    fault.temp = /^\.b\.md\.\d+\.[0-9a-f]{8}\.tmp$/;
    const outputs = ['a.md', 'b.md', 'c.md'].map((name) => ({ path: path.join(dir, name), data: `新的${name}`, shown: `out/${name}` }));
    const written: string[] = [];
    const attempt = writeOutputs(outputs, (o) => written.push(o.path));
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(attempt).rejects.toThrow('无法写入“out/b.md”：磁盘空间已满');
    expect(written).toEqual([]);
    expect(list(dir)).toEqual(['a.md', 'b.md']);
    expect(read(path.join(dir, 'a.md'))).toBe('旧的甲');
    expect(read(path.join(dir, 'b.md'))).toBe('旧的乙');
  });

  it('writes them all, then tells of each in order, leaving nothing else', async () => {
    const dir = tmp('set-ok');
    writeFileSync(path.join(dir, 'a.md'), '旧的甲');
    const outputs = [
      { path: path.join(dir, 'a.md'), data: '新的甲' },
      { path: path.join(dir, 'sub', 'b.docx'), data: new Uint8Array([1, 2, 3]) },
    ];
    const written: string[] = [];
    await writeOutputs(outputs, (o) => written.push(o.path));
    expect(written).toEqual(outputs.map((o) => o.path));
    expect(list(dir)).toEqual(['a.md', 'sub']);
    expect(list(path.join(dir, 'sub'))).toEqual(['b.docx']);
    expect(read(path.join(dir, 'a.md'))).toBe('新的甲');
  });

  it('names the file standing where a folder is needed, as the user named it, and changes nothing', async () => {
    const dir = tmp('set-notdir');
    writeFileSync(path.join(dir, 'a.md'), '旧的甲');
    writeFileSync(path.join(dir, 'blocked'), '一个文件占了目录的名字');
    const attempt = writeOutputs([
      { path: path.join(dir, 'a.md'), data: '新的甲', shown: 'a.md' },
      { path: path.join(dir, 'blocked', 'deeper', 'b.md'), data: '新的乙', shown: path.join('blocked', 'deeper', 'b.md') },
    ]);
    await expect(attempt).rejects.toThrow('无法写入“blocked/deeper/b.md”：“blocked”是文件而不是目录');
    expect(list(dir)).toEqual(['a.md', 'blocked']);
    expect(read(path.join(dir, 'a.md'))).toBe('旧的甲');
  });

  it('refuses a folder standing where an output goes before renaming anything', async () => {
    const dir = tmp('set-isdir');
    writeFileSync(path.join(dir, 'a.md'), '旧的甲');
    mkdirSync(path.join(dir, 'b.md'));
    const attempt = writeOutputs([
      { path: path.join(dir, 'a.md'), data: '新的甲', shown: 'a.md' },
      { path: path.join(dir, 'b.md'), data: '新的乙', shown: 'b.md' },
    ]);
    await expect(attempt).rejects.toThrow('无法写入“b.md”：同名的目录已经存在，不能写成文件');
    expect(list(dir)).toEqual(['a.md', 'b.md']);
    expect(read(path.join(dir, 'a.md'))).toBe('旧的甲');
  });
});

describe('leftovers of a killed run', () => {
  /** The folder as a run killed after its journal was complete would leave it. */
  function killedAfterJournal(dir: string, pid: number): { temps: string[]; journal: string } {
    writeFileSync(path.join(dir, 'a.md'), '旧的甲');
    writeFileSync(path.join(dir, 'b.md'), '旧的乙');
    const temps = [path.join(dir, `.a.md.${pid}.0123abcd.tmp`), path.join(dir, `.b.md.${pid}.89abcdef.tmp`)];
    writeFileSync(temps[0]!, '新的甲');
    writeFileSync(temps[1]!, '新的乙');
    const journal = path.join(dir, `.workplan-${pid}-00aa11bb.journal`);
    writeFileSync(
      journal,
      formatJournal(journal, [
        [temps[0]!, path.join(dir, 'a.md')],
        [temps[1]!, path.join(dir, 'b.md')],
      ]),
    );
    return { temps, journal };
  }

  it('rolls a complete journal forward and sweeps temps of dead runs, not of living ones', async () => {
    const dir = tmp('recover');
    const dead = deadPid();
    killedAfterJournal(dir, dead);
    writeFileSync(path.join(dir, `.c.md.${dead}.deadbeef.tmp`), '没有日志的半成品');
    // The test runner's parent is alive: a build running beside this one.
    const living = `.d.md.${process.ppid}.cafebabe.tmp`;
    writeFileSync(path.join(dir, living), '别人正在写');
    writeFileSync(path.join(dir, '.notes.tmp'), '不是本工具的文件');
    await recoverLeftovers([dir, path.join(dir, 'missing')]);
    expect(list(dir)).toEqual(['.d.md.' + process.ppid + '.cafebabe.tmp', '.notes.tmp', 'a.md', 'b.md'].sort());
    expect(read(path.join(dir, 'a.md'))).toBe('新的甲');
    expect(read(path.join(dir, 'b.md'))).toBe('新的乙');
  });

  it('finishes a set the killed run had half renamed', async () => {
    const dir = tmp('recover-half');
    const { temps } = killedAfterJournal(dir, deadPid());
    // The first rename happened before the kill.
    writeFileSync(path.join(dir, 'a.md'), read(temps[0]!));
    unlinkSync(temps[0]!);
    await recoverLeftovers([dir]);
    expect(list(dir)).toEqual(['a.md', 'b.md']);
    expect(read(path.join(dir, 'a.md'))).toBe('新的甲');
    expect(read(path.join(dir, 'b.md'))).toBe('新的乙');
  });

  it('discards a torn journal, and one whose files are gone, with their temps', async () => {
    const torn = tmp('recover-torn');
    const first = killedAfterJournal(torn, deadPid());
    writeFileSync(first.journal, '{"workplan":"journal","version":1,"ren');
    await recoverLeftovers([torn]);
    expect(list(torn)).toEqual(['a.md', 'b.md']);
    expect(read(path.join(torn, 'a.md'))).toBe('旧的甲');

    const gone = tmp('recover-gone');
    const second = killedAfterJournal(gone, deadPid());
    unlinkSync(path.join(gone, 'b.md'));
    unlinkSync(second.temps[1]!);
    await recoverLeftovers([gone]);
    expect(list(gone)).toEqual(['a.md']);
    expect(read(path.join(gone, 'a.md'))).toBe('旧的甲');
  });

  it('never lets a journal rename a file that is not its own temp', async () => {
    const dir = tmp('recover-crafted');
    const pid = deadPid();
    writeFileSync(path.join(dir, 'precious.txt'), '别动我');
    const journal = path.join(dir, `.workplan-${pid}-00aa11bb.journal`);
    writeFileSync(journal, JSON.stringify({ workplan: 'journal', version: 1, renames: [['precious.txt', 'a.md']] }));
    await recoverLeftovers([dir]);
    expect(list(dir)).toEqual(['precious.txt']);
    expect(existsSync(path.join(dir, 'a.md'))).toBe(false);
  });

  it('is cleared by the next write into the folder', async () => {
    const dir = tmp('recover-write');
    const dead = deadPid();
    killedAfterJournal(dir, dead);
    writeFileSync(path.join(dir, `.x.md.${dead}.deadbeef.tmp`), '半成品');
    await writeOutputs([{ path: path.join(dir, 'a.md'), data: '第三版甲' }]);
    expect(list(dir)).toEqual(['a.md', 'b.md']);
    expect(read(path.join(dir, 'a.md'))).toBe('第三版甲');
    // b.md belonged to the killed run's set: finished, not lost.
    expect(read(path.join(dir, 'b.md'))).toBe('新的乙');
  });
});
