/** Which text gets w:hint="eastAsia", and how a run is cut (emit/docx/east-asian-marks.ts). */
import { describe, expect, it } from 'vitest';
import { hintPieces, isHintSensitive, SHARED_MARKS } from '../../src/emit/docx/east-asian-marks.js';

describe('hintPieces', () => {
  it('leaves text without a shared mark as one piece without a hint', () => {
    for (const text of ['统一战线工作', '2025年1月', 'ABC 3.5%', '温度20°', '甲→乙', '']) expect(hintPieces(text)).toEqual([{ text, hint: false }]);
  });

  it('hints a run whose marks are its only hint-sensitive characters, digits and Latin letters included', () => {
    for (const text of ['开展“同心”活动', '‘四好’商会', '破折号——后', '省略……', '张三·李四', '建成“书记抓统战”示范点12', 'GDP“稳”3.5%', '關於‧港澳']) {
      expect(hintPieces(text)).toEqual([{ text, hint: true }]);
    }
  });

  it('cuts a run between a mark and another character the hint would move', () => {
    expect(hintPieces('室温20°“达标”')).toEqual([
      { text: '室温20°', hint: false },
      { text: '“达标”', hint: true },
    ]);
    expect(hintPieces('“3×5”规格')).toEqual([
      { text: '“3', hint: true },
      { text: '×5', hint: false },
      { text: '”规格', hint: true },
    ]);
    expect(hintPieces('甲→“乙”')).toEqual([
      { text: '甲→', hint: false },
      { text: '“乙”', hint: true },
    ]);
  });

  it('keeps every character, in order', () => {
    const text = 'α“β”·γ——δ…… é';
    expect(hintPieces(text).map((p) => p.text).join('')).toBe(text);
  });
});

describe('the shared marks', () => {
  it('are each one Word sets by the hint', () => {
    for (const mark of SHARED_MARKS.keys()) expect(isHintSensitive(mark), mark).toBe(true);
  });

  it('leave alone what Word sets without asking the hint: Han, CJK punctuation, full-width forms, ASCII', () => {
    for (const c of ['中', '。', '、', '《', '〔', '（', '，', '：', '～', 'A', '1', ' ', '\u3000']) expect(isHintSensitive(c), c).toBe(false);
  });
});
