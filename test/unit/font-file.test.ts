/** The OpenType reader behind doctor: family names and advance widths, from fonts found on this machine. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FontFormatError, measureFace, readFamilyNames } from '../../src/system/font-file.js';
import { namedFonts } from '../../src/system/inspect-fonts.js';

const LIBERATION = '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf';
const NOTO = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';

describe('font files', () => {
  it.skipIf(!existsSync(LIBERATION))('reads a TrueType font: its family, and Times New Roman widths (metric-compatible)', async () => {
    expect(await readFamilyNames(LIBERATION)).toEqual(['Liberation Serif']);
    const face = await measureFace(LIBERATION, 0, [...'0aW国']);
    expect(face.unitsPerEm).toBe(2048);
    expect(face.advances).toEqual([1024 / 2048, 909 / 2048, 1933 / 2048, undefined]);
  });

  it.skipIf(!existsSync(NOTO))('reads every face of a collection (.ttc) and CFF-outline widths', async () => {
    expect(await readFamilyNames(NOTO)).toContain('Noto Serif CJK SC');
    const face = await measureFace(NOTO, 2, [...'统，']);
    expect(face.families).toContain('Noto Serif CJK SC');
    expect(face.advances).toEqual([1, 1]);
  });

  it('refuses what is not a font', async () => {
    await expect(readFamilyNames(new URL(import.meta.url).pathname)).rejects.toThrow(FontFormatError);
  });
});

describe('the fonts the documents name', () => {
  it('are the GB/T faces and Times New Roman, each once, with what they set', () => {
    expect(namedFonts().map((f) => [f.name, f.script])).toEqual([
      ['方正小标宋简体', 'cjk'],
      ['仿宋_GB2312', 'cjk'],
      ['黑体', 'cjk'],
      ['楷体_GB2312', 'cjk'],
      ['宋体', 'cjk'],
      ['Times New Roman', 'latin'],
    ]);
    expect(namedFonts()[1]!.roles).toContain('正文');
  });
});
