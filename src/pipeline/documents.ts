/** The documents a plan gives, and which one a file is mainly for. */
import { isSpeechFile, type PlanFile } from '../plan/model.js';

export const DOCUMENTS = {
  opinion: { template: 'opinion.md.hbs', suffix: '', label: '工作安排意见', pageNumbers: 'outside' },
  speech: { template: 'speech.md.hbs', suffix: '-汇报发言', label: '汇报发言', pageNumbers: 'center' },
  tasks: { template: 'tasks.md.hbs', suffix: '-重点任务分工表', label: '重点任务分工表', pageNumbers: 'outside' },
} as const;
export type DocumentId = keyof typeof DOCUMENTS;

/** The document a file is mainly for: its `kind`. */
export function mainDocument(file: PlanFile): DocumentId {
  return isSpeechFile(file) ? 'speech' : 'opinion';
}
