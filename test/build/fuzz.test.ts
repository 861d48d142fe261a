/**
 * A small fixed-seed run of the in-repo fuzzer (scripts/fuzz.mjs): mutated plans through check,
 * --fix and every document and format, with every XML part parsed by a strict XML 1.0 parser.
 * `npm run fuzz -- --runs 100000` runs the long version.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error the fuzzer is a plain ES module script without type declarations
import { fuzz } from '../../scripts/fuzz.mjs';

interface FuzzResult {
  counts: { runs: number; invalid: number; checked: number; built: number; xmlChecked: boolean };
  failures: { run: number; kind: string; message: string; text: string }[];
}

describe('fuzzer (fixed seed)', () => {
  it('finds no crash, hang or invalid XML part in 600 mutated plans, 60 of them built', async () => {
    const { counts, failures } = (await fuzz({ runs: 600, builds: 60, seed: 20251124 })) as FuzzResult;
    expect(counts.xmlChecked).toBe(true);
    expect(counts.runs).toBe(600);
    // The run said something only if mutated plans got through to the rules and the emitters.
    expect(counts.checked + counts.built).toBeGreaterThan(100);
    expect(counts.built).toBeGreaterThan(30);
    expect(failures.map((f) => `#${f.run} ${f.kind}: ${f.message.split('\n')[0]}`)).toEqual([]);
  }, 120_000);
});

interface ImportFuzzResult {
  counts: { runs: number; imported: number; refused: number };
  failures: { run: number; kind: string; name: string; message: string }[];
}

describe('import fuzzer (fixed seed)', () => {
  it('imports or refuses in Chinese 40 hostile sources, none crashing, hanging or running out of heap', async () => {
    // @ts-expect-error the fuzzer is a plain ES module script without type declarations
    const { fuzzImport } = await import('../../scripts/fuzz-import.mjs');
    const { counts, failures } = (await fuzzImport({ runs: 40, seed: 20261208 })) as ImportFuzzResult;
    expect(counts.runs).toBe(40);
    // Both outcomes occur, so the run reached the readers and the recognizer.
    expect(counts.imported).toBeGreaterThan(5);
    expect(counts.refused).toBeGreaterThan(5);
    expect(failures.map((f) => `#${f.run} ${f.kind} ${f.name}: ${f.message.split('\n')[0]}`)).toEqual([]);
  }, 180_000);
});
