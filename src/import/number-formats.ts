/**
 * A list counter as Word shows it in each w:numFmt: 1 → 一 (chineseCounting), 甲 (ideographTraditional),
 * ⑴ (decimalEnclosedParen), ① (decimalEnclosedCircle), A, i, １. Formats Word draws with glyphs
 * beyond their range (⑳ is the last parenthesised digit) fall back to digits, as Word does.
 */
import { toChineseNumeral } from '../text/numerals.js';

const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';
const LEGAL_SIMPLIFIED = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const LEGAL_TRADITIONAL = ['零', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖'];
const IDEOGRAPH_DIGITS = '〇一二三四五六七八九';

/**
 * Word repeats the letter past Z without end (27 → AA, 28 → BB); past ten letters no reader
 * counts them, and a long list would make each marker longer than the last (a list of 300,000
 * paragraphs, gigabytes): digits then.
 */
const MAX_LETTER_REPEAT = 10;

function letters(n: number, base: number): string {
  if (n > 26 * MAX_LETTER_REPEAT) return String(n);
  const letter = String.fromCharCode(base + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n < 1 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [value, glyph] of table) {
    while (n >= value) {
      out += glyph;
      n -= value;
    }
  }
  return out;
}

/** 一百零五 with legal digits: the same shape as toChineseNumeral, other glyphs. */
function legal(n: number, digits: readonly string[], ten: string, hundred: string): string {
  const plain = toChineseNumeral(n);
  if (plain === String(n)) return plain;
  return [...plain]
    .map((c) => (c === '十' ? ten : c === '百' ? hundred : (digits[IDEOGRAPH_DIGITS.indexOf(c === '零' ? '〇' : c)] ?? c)))
    .join('');
}

function enclosed(n: number, ranges: readonly [number, number, number][]): string {
  for (const [from, to, codePoint] of ranges) if (n >= from && n <= to) return String.fromCodePoint(codePoint + n - from);
  return String(n);
}

/** The counter `n` in Word's number format `format`; an unknown format shows digits. */
export function formatCounter(format: string, n: number): string {
  switch (format) {
    case 'none':
      return '';
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2488 + n - 1) : `${n}.`;
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosed(n, [[1, 20, 0x2460], [21, 35, 0x3251], [36, 50, 0x32b1]]);
    case 'ideographEnclosedCircle':
      return enclosed(n, [[1, 10, 0x3280]]);
    case 'upperLetter':
      return n >= 1 ? letters(n, 65) : String(n);
    case 'lowerLetter':
      return n >= 1 ? letters(n, 97) : String(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'koreanCounting':
      return toChineseNumeral(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).replace(/\d/g, (d) => IDEOGRAPH_DIGITS[Number(d)]!);
    case 'chineseLegalSimplified':
      return legal(n, LEGAL_SIMPLIFIED, '拾', '佰');
    case 'ideographLegalTraditional':
    case 'japaneseLegal':
      return legal(n, LEGAL_TRADITIONAL, '拾', '佰');
    case 'ideographTraditional':
      return n >= 1 ? STEMS[(n - 1) % 10]! : String(n);
    case 'ideographZodiac':
      return n >= 1 ? BRANCHES[(n - 1) % 12]! : String(n);
    default:
      return String(n);
  }
}
