import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffRuns, pairInOrder, redlineBlocks } from '../../src/compare/redline-blocks.js';
import type { Block, Change, Run } from '../../src/markdown/blocks.js';

/** What Word gives after 接受所有修订 (`keep` = 'ins') or 拒绝所有修订 (`keep` = 'del'), as text per paragraph and row. */
function resolve(blocks: readonly Block[], keep: Change): string[] {
  const drop: Change = keep === 'ins' ? 'del' : 'ins';
  const text = (runs: readonly Run[]) => runs.filter((r) => r.change !== drop).map((r) => r.text).join('');
  const out: string[] = [];
  for (const block of blocks) {
    if ('mark' in block && block.mark === drop) continue;
    switch (block.type) {
      case 'paragraph':
        out.push(`p:${text(block.runs)}`);
        break;
      case 'title':
      case 'heading':
      case 'flush':
      case 'note':
        out.push(`${block.type}:${block.runs ? text(block.runs) : block.text}`);
        break;
      case 'table':
        block.rows.forEach((row, r) => {
          const change = block.changes?.[r];
          if (change?.mark === drop) return;
          out.push(`row:${row.map((cell, c) => (change ? text(change.cells[c] ?? []) : cell)).join('|')}`);
        });
        break;
      case 'signature':
        out.push(`sig:${block.changes ? text(block.changes.signature) : block.signature}/${block.changes ? text(block.changes.date) : block.date}`);
        break;
      default:
        break;
    }
  }
  return out;
}

/** The same, for a plain document. */
const plain = (blocks: readonly Block[]) => resolve(blocks, 'ins');

const WORDS = ['加强', '统一战线', '工作', '，', '。', '民营经济', '人士', '2026年', '开展', '“同心”', '活动', '区工商联', '牵头', '完成', '20场'];
const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }).map((w) => w.join(''));
const run = fc.record({ text, bold: fc.boolean() }).map((r): Run => (r.bold ? { text: r.text, bold: true } : { text: r.text }));
const block: fc.Arbitrary<Block> = fc.oneof(
  fc.array(run, { minLength: 1, maxLength: 3 }).map((runs): Block => ({ type: 'paragraph', runs })),
  fc.record({ level: fc.constantFrom(1 as const, 2 as const), text }).map(({ level, text: t }): Block => ({ type: 'heading', level, text: t })),
  text.map((t): Block => ({ type: 'flush', text: t })),
  text.map((t): Block => ({ type: 'note', text: t })),
  fc.array(fc.array(text, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }).map((rows): Block => ({ type: 'table', header: ['序号', '工作任务', '牵头单位'], rows })),
);
/** A new version made from an old one the way a 文秘 edits: words changed, blocks added, dropped and moved. */
const versions = fc.array(block, { maxLength: 8 }).chain((old) =>
  fc.record({
    old: fc.constant(old),
    now: fc.shuffledSubarray([...old, ...old.slice(0, 2)]).chain((kept) => fc.array(block, { maxLength: 3 }).map((more) => [...kept, ...more])),
  }),
);

describe('redline blocks', () => {
  it('accepting every change gives the new document and rejecting every change the old one', () => {
    fc.assert(
      fc.property(versions, ({ old, now }) => {
        const { blocks } = redlineBlocks(old, now);
        expect(resolve(blocks, 'ins')).toEqual(plain(now));
        expect(resolve(blocks, 'del')).toEqual(plain(old));
      }),
      { numRuns: 400 },
    );
  });

  it('also for two unrelated documents, and a word changed inside a paragraph stays one paragraph', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 6 }), fc.array(block, { maxLength: 6 }), (old, now) => {
        const { blocks } = redlineBlocks(old, now);
        expect(resolve(blocks, 'ins')).toEqual(plain(now));
        expect(resolve(blocks, 'del')).toEqual(plain(old));
      }),
      { numRuns: 300 },
    );
    const old: Block[] = [{ type: 'paragraph', runs: [{ text: '加强民营经济人士思想政治建设，开展主题活动20场次。' }] }];
    const now: Block[] = [{ type: 'paragraph', runs: [{ text: '加强民营经济人士理想信念教育，开展主题活动20场次。' }] }];
    const { blocks } = redlineBlocks(old, now);
    expect(blocks).toHaveLength(1);
    const runs = (blocks[0] as Extract<Block, { type: 'paragraph' }>).runs;
    expect(runs.filter((r) => r.change === 'del').map((r) => r.text).join('')).toBe('思想政治建设');
    expect(runs.filter((r) => r.change === 'ins').map((r) => r.text).join('')).toBe('理想信念教育');
    expect(runs[0]).toEqual({ text: '加强民营经济人士' });
  });

  it('leaves unchanged blocks as they are, and a moved paragraph is a deletion and an insertion', () => {
    const a: Block = { type: 'paragraph', runs: [{ text: '甲项工作按期完成。' }] };
    const b: Block = { type: 'paragraph', runs: [{ text: '乙项工作持续推进，年底前见效。' }] };
    const c: Block = { type: 'heading', level: 1, text: '一、总体要求' };
    const { blocks } = redlineBlocks([c, a, b], [c, b, a]);
    expect(blocks[0]).toBe(c);
    const marks = blocks.map((x) => ('mark' in x ? x.mark : undefined));
    expect(marks.filter((m) => m === 'del')).toHaveLength(1);
    expect(marks.filter((m) => m === 'ins')).toHaveLength(1);
    expect(redlineBlocks([a, b], [a, b]).blocks).toEqual([a, b]);
  });

  it('marks a changed row cell by cell and an added row as a whole', () => {
    const old: Block = { type: 'table', header: ['序号', '工作任务', '牵头单位'], rows: [['1', '规范开展政党协商', '区委办公室'], ['2', '做好民族宗教工作', '区民宗局']] };
    const now: Block = { type: 'table', header: ['序号', '工作任务', '牵头单位'], rows: [['1', '规范开展政党协商', '区委统战部'], ['2', '开展理论课题研究', '区委党校'], ['3', '做好民族宗教工作', '区民宗局']] };
    const [table] = redlineBlocks([old], [now]).blocks as Extract<Block, { type: 'table' }>[];
    expect(table!.changes!.map((c) => c.mark)).toEqual([undefined, 'ins', undefined]);
    // Word by word: the shared 区委 stays, the rest is deleted and inserted (how ICU cuts the words may vary).
    const unit = table!.changes![0]!.cells[2]!;
    expect(unit[0]).toEqual({ text: '区委' });
    expect(unit.filter((r) => r.change !== 'ins').map((r) => r.text).join('')).toBe('区委办公室');
    expect(unit.filter((r) => r.change !== 'del').map((r) => r.text).join('')).toBe('区委统战部');
    expect(table!.changes![2]!.cells[0]).toEqual([{ text: '2', change: 'del' }, { text: '3', change: 'ins' }]);
  });

  it('names the frame changes it cannot mark', () => {
    const old: Block[] = [{ type: 'docnumber', number: '澄统发〔2025〕1号', signers: [], mode: 'red' }];
    const now: Block[] = [{ type: 'docnumber', number: '澄统发〔2026〕1号', signers: [], mode: 'red' }];
    expect(redlineBlocks(old, now)).toEqual({ blocks: now, unmarked: ['发文字号'] });
  });

  it('pairs in order, most alike in total, and keeps bold apart', () => {
    expect(pairInOrder([1, 2, 3], [2, 3], (a, b) => (a === b ? 1 : 0))).toEqual([
      [1, 0],
      [2, 1],
    ]);
    expect(diffRuns([{ text: '引领句。', bold: true }], [{ text: '引领句。' }])).toEqual([
      { text: '引领句。', bold: true, change: 'del' },
      { text: '引领句。', change: 'ins' },
    ]);
  });
});
