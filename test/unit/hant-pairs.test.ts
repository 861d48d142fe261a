/** The one 简/繁 table: every pair as OpenCC has it, and patterns written once in 简体 reading both scripts. */
import * as cn2t from 'opencc-js/cn2t';
import * as t2cn from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { DUE_PHRASES_HANT } from '../../src/text/dates.js';
import { HANT_FORMS, TRADITIONAL_FORMS, bothScripts, toHansByTable, toHantByTable } from '../../src/text/hant-pairs.js';
import { mayBeTraditional } from '../../src/text/script.js';

const toTraditional = cn2t.Converter({ from: 'cn', to: 't' });
const toSimplified = t2cn.Converter({ from: 't', to: 'cn' });

describe('the 简/繁 table', () => {
  it('agrees with OpenCC: each 繁体 form simplifies to its 简体 character, and OpenCC gives one of the forms', () => {
    expect(HANT_FORMS.size).toBeGreaterThan(100);
    for (const [hans, forms] of HANT_FORMS) {
      expect(forms.length, hans).toBeGreaterThan(0);
      for (const form of forms) expect(toSimplified(form), `${form} → ${hans}`).toBe(hans);
      // OpenCC's character table may pick another usual form (爲 for 為, 籤 for 簽); the table's first is the one printed here.
      expect([...forms, hans].includes(toTraditional(hans)) || toSimplified(toTraditional(hans)) === hans, hans).toBe(true);
    }
  });

  it('its 繁体 forms never occur in 简体 text: the cheap detector cannot call a 简体 plan 繁体', () => {
    for (const form of TRADITIONAL_FORMS) expect(toSimplified(form), form).not.toBe(form);
    expect(mayBeTraditional('关于印发2026年统一战线工作要点的通知')).toBe(false);
    expect(mayBeTraditional('關於印發')).toBe(true);
  });

  it('bothScripts makes one 简体 pattern read both scripts, inside and outside classes, escapes untouched', () => {
    const notice = new RegExp(bothScripts('^关于印发《(.+)》的通知$'));
    expect(notice.exec('关于印发《要点》的通知')?.[1]).toBe('要点');
    expect(notice.exec('關於印發《要點》的通知')?.[1]).toBe('要點');
    expect(notice.test('关于印刷《要点》的通知')).toBe(false);
    expect(bothScripts('[号]\\d+号')).toBe('[号號]\\d+[号號]');
    expect(new RegExp(bothScripts('^\\s*单位$')).test('  單位')).toBe(true);
  });

  it('converts by the table one character for one, so indexes stay', () => {
    expect(toHansByTable('牽頭單位：區工商聯')).toBe('牵头单位：区工商联');
    expect(toHantByTable('长期坚持')).toBe('長期堅持');
    expect(DUE_PHRASES_HANT).toEqual(['長期堅持', '持續推進']);
    const text = '舉辦研修班，辦結率達96%';
    expect([...toHansByTable(text)].length).toBe([...text].length);
  });
});
