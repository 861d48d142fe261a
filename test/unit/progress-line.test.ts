/** The progress of a long batch in a log (CI): a line every few seconds once it has run that long, nothing for a short one. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeProgress } from '../../src/cli/output.js';

afterEach(() => vi.restoreAllMocks());

describe('writeProgress when standard error is not a terminal', () => {
  it('says nothing in the first seconds, then one line every five seconds, with the time so far', () => {
    const tty = process.stderr.isTTY;
    Object.defineProperty(process.stderr, 'isTTY', { value: false, configurable: true });
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const start = 1_000_000;
      const times = [0, 1000, 4999, 5000, 6000, 9999, 10_500, 12_000];
      times.forEach((t, i) => writeProgress('检查', i, 500, `plans/${i}.yaml`, start + t));
      expect(written).toEqual(['正在检查 4/500：plans/3.yaml（已用 5 秒）\n', '正在检查 7/500：plans/6.yaml（已用 11 秒）\n']);
      // One plan is no batch.
      writeProgress('检查', 0, 1, 'plans/a.yaml', start + 60_000);
      expect(written).toHaveLength(2);
    } finally {
      Object.defineProperty(process.stderr, 'isTTY', { value: tty, configurable: true });
    }
  });
});
