/**
 * Just enough of the OpenType format (TrueType or CFF outlines, .ttc collections) to learn a
 * font's family names and the advance width of a character: the `name`, `head`, `hhea`, `hmtx`
 * and `cmap` tables. Only the tables asked for are read, so scanning a folder of large CJK fonts
 * for their names stays cheap.
 */
import { open } from 'node:fs/promises';

interface TableRecord {
  offset: number;
  length: number;
}

/** Positioned reads from an open font file. */
type ReadAt = (offset: number, length: number) => Promise<Buffer>;

export interface FontFace {
  /** Family names in every language the font gives (仿宋_GB2312 and FangSong_GB2312 alike). */
  families: string[];
  unitsPerEm: number;
  /** Advance width in em of each character, undefined where the font has no glyph for it. */
  advances: (number | undefined)[];
}

export class FontFormatError extends Error {
  override name = 'FontFormatError';
}

/** The family names of every face in a font file (one for .ttf/.otf, several for .ttc). */
export async function readFamilyNames(file: string): Promise<string[]> {
  return withFile(file, async (readAt) => {
    const faces = await faceOffsets(readAt);
    const names = new Set<string>();
    for (const offset of faces) {
      const tables = await tableDirectory(readAt, offset);
      for (const name of await familyNames(readAt, tables)) names.add(name);
    }
    return [...names];
  });
}

/** One face's family names and the advances of `text`'s characters, in em. */
export async function measureFace(file: string, faceIndex: number, characters: readonly string[]): Promise<FontFace> {
  return withFile(file, async (readAt) => {
    const faces = await faceOffsets(readAt);
    const offset = faces[faceIndex] ?? faces[0]!;
    const tables = await tableDirectory(readAt, offset);
    const head = await table(readAt, tables, 'head');
    const hhea = await table(readAt, tables, 'hhea');
    const unitsPerEm = head.readUInt16BE(18);
    const metrics = hhea.readUInt16BE(34);
    const hmtx = await table(readAt, tables, 'hmtx');
    const glyphOf = await characterMap(readAt, tables);
    const advances = characters.map((character) => {
      const glyph = glyphOf(character.codePointAt(0)!);
      if (!glyph) return undefined;
      const index = Math.min(glyph, metrics - 1);
      return hmtx.readUInt16BE(index * 4) / unitsPerEm;
    });
    return { families: await familyNames(readAt, tables), unitsPerEm, advances };
  });
}

async function withFile<T>(file: string, use: (readAt: ReadAt) => Promise<T>): Promise<T> {
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    return await use(async (offset, length) => {
      if (offset < 0 || length < 0 || offset + length > size) throw new FontFormatError(`${file}：表超出文件末尾`);
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, offset);
      return buffer;
    });
  } catch (error) {
    // A truncated or foreign file is not a font we can use; the caller skips it.
    if (error instanceof RangeError) throw new FontFormatError(`${file}：不是有效的字体文件`);
    throw error;
  } finally {
    await handle.close();
  }
}

async function faceOffsets(readAt: ReadAt): Promise<number[]> {
  const header = await readAt(0, 12);
  const tag = header.toString('latin1', 0, 4);
  if (tag !== 'ttcf') {
    if (!['\0\x01\0\0', 'OTTO', 'true'].includes(tag)) throw new FontFormatError('不是 OpenType/TrueType 字体');
    return [0];
  }
  const count = header.readUInt32BE(8);
  const offsets = await readAt(12, 4 * count);
  return Array.from({ length: count }, (_, i) => offsets.readUInt32BE(4 * i));
}

async function tableDirectory(readAt: ReadAt, offset: number): Promise<Map<string, TableRecord>> {
  const count = (await readAt(offset, 12)).readUInt16BE(4);
  const records = await readAt(offset + 12, 16 * count);
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < count; i++) {
    tables.set(records.toString('latin1', 16 * i, 16 * i + 4), { offset: records.readUInt32BE(16 * i + 8), length: records.readUInt32BE(16 * i + 12) });
  }
  return tables;
}

async function table(readAt: ReadAt, tables: Map<string, TableRecord>, tag: string): Promise<Buffer> {
  const record = tables.get(tag);
  if (!record) throw new FontFormatError(`缺少 ${tag} 表`);
  return readAt(record.offset, record.length);
}

/** nameID 1 (family) and 16 (typographic family), from the Unicode and Windows records. */
async function familyNames(readAt: ReadAt, tables: Map<string, TableRecord>): Promise<string[]> {
  if (!tables.has('name')) return [];
  const name = await table(readAt, tables, 'name');
  const count = name.readUInt16BE(2);
  const strings = name.readUInt16BE(4);
  const found = new Set<string>();
  for (let i = 0; i < count; i++) {
    const at = 6 + 12 * i;
    const platform = name.readUInt16BE(at);
    const encoding = name.readUInt16BE(at + 2);
    const nameId = name.readUInt16BE(at + 6);
    const length = name.readUInt16BE(at + 8);
    const offset = strings + name.readUInt16BE(at + 10);
    if (nameId !== 1 && nameId !== 16) continue;
    const bytes = name.subarray(offset, offset + length);
    if (platform === 0 || platform === 3) found.add(decodeUtf16be(bytes));
    else if (platform === 1 && encoding === 0) found.add(bytes.toString('latin1'));
  }
  return [...found].filter(Boolean);
}

function decodeUtf16be(bytes: Buffer): string {
  const swapped = Buffer.from(bytes);
  swapped.swap16();
  return swapped.toString('utf16le');
}

/** Character → glyph id, from the best Unicode subtable: format 12 (full range) or 4 (BMP). */
async function characterMap(readAt: ReadAt, tables: Map<string, TableRecord>): Promise<(codePoint: number) => number> {
  const cmap = await table(readAt, tables, 'cmap');
  const count = cmap.readUInt16BE(2);
  const subtables: { rank: number; offset: number }[] = [];
  for (let i = 0; i < count; i++) {
    const platform = cmap.readUInt16BE(4 + 8 * i);
    const encoding = cmap.readUInt16BE(6 + 8 * i);
    const offset = cmap.readUInt32BE(8 + 8 * i);
    const format = cmap.readUInt16BE(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode || (format !== 4 && format !== 12)) continue;
    subtables.push({ rank: format === 12 ? 0 : 1, offset });
  }
  subtables.sort((a, b) => a.rank - b.rank);
  const best = subtables[0];
  if (!best) throw new FontFormatError('没有 Unicode 字符映射表');
  return cmap.readUInt16BE(best.offset) === 12 ? format12(cmap, best.offset) : format4(cmap, best.offset);
}

function format12(cmap: Buffer, at: number): (codePoint: number) => number {
  const groups = cmap.readUInt32BE(at + 12);
  return (codePoint) => {
    let low = 0;
    let high = groups - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const start = cmap.readUInt32BE(at + 16 + 12 * mid);
      const end = cmap.readUInt32BE(at + 20 + 12 * mid);
      if (codePoint < start) high = mid - 1;
      else if (codePoint > end) low = mid + 1;
      else return cmap.readUInt32BE(at + 24 + 12 * mid) + codePoint - start;
    }
    return 0;
  };
}

function format4(cmap: Buffer, at: number): (codePoint: number) => number {
  const segments = cmap.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    for (let i = 0; i < segments; i++) {
      if (codePoint > cmap.readUInt16BE(ends + 2 * i)) continue;
      const start = cmap.readUInt16BE(starts + 2 * i);
      if (codePoint < start) return 0;
      const delta = cmap.readUInt16BE(deltas + 2 * i);
      const rangeOffset = cmap.readUInt16BE(rangeOffsets + 2 * i);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyphAt = rangeOffsets + 2 * i + rangeOffset + 2 * (codePoint - start);
      const glyph = cmap.readUInt16BE(glyphAt);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}
