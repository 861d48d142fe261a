/** doc-number: 发文字号 as GB/T 9704 §7.2.4 writes it: 机关代字〔2025〕1号 — 六角括号, no 第, no leading zero. */
import { isSpeechFile } from '../plan/model.js';
import { sourceEdits } from './text-fields.js';
import { defineRule, type Edit } from './types.js';

// 号, or 號 in a plan written in 繁体.
const CANONICAL = /^(\S+?)〔(\d{4})〕([1-9]\d*)[号號]$/;
const LOOSE = /^\s*(\S+?)\s*[[【(（〔［]\s*(\d{4})\s*[\]】)）〕］]\s*(第)?\s*(0*)(\d+)\s*([号號])?\s*$/;

function problems(value: string): string[] {
  const m = LOOSE.exec(value);
  if (!m) return ['格式应为“机关代字〔年份〕序号号”，如“澄统发〔2025〕1号”'];
  const out: string[] = [];
  if (!value.includes('〔') || !value.includes('〕')) out.push('年份应使用六角括号〔〕');
  if (m[3]) out.push('序号前不加“第”');
  if (m[4]) out.push('序号不编虚位（不加前导 0）');
  if (!m[6]) out.push('末尾缺少“号”');
  if (/\s/.test(value)) out.push('不应有空格');
  return out;
}

export const docNumber = defineRule('doc-number', ({ loaded }) => {
  const plan = loaded.plan;
  if (isSpeechFile(plan) || !plan.number || CANONICAL.test(plan.number)) return [];
  return [
    {
      path: ['number'],
      message: `发文字号“${plan.number}”：${problems(plan.number).join('；')}`,
      edits: sourceEdits(loaded, ['number'], canonicalEdits(plan.number)),
    },
  ];
});

/** The whole number rewritten canonically, when its parts can be read unambiguously. */
function canonicalEdits(value: string): Edit[] {
  const m = LOOSE.exec(value);
  if (!m) return [];
  return [{ start: 0, end: value.length, text: `${m[1]}〔${m[2]}〕${Number(m[5])}${m[6] ?? '号'}` }];
}
