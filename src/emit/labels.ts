/**
 * The few words the emitters print themselves, around the plan's text: the 签发人 label beside the
 * 发文字号, the 附件 label of the 附件说明, and the sheet name an untitled table falls back to.
 * Written here in 简体; the publishing stage hands them in, in the document's script, as data.
 */
export interface DocumentLabels {
  signer: string;
  attachments: string;
  sheet: string;
}

export const HANS_LABELS: DocumentLabels = { signer: '签发人：', attachments: '附件：', sheet: '重点任务分工表' };

/** The labels through a conversion (the tool's words into the document's script). */
export function convertLabels(convert: (text: string) => string, labels: DocumentLabels = HANS_LABELS): DocumentLabels {
  return { signer: convert(labels.signer), attachments: convert(labels.attachments), sheet: convert(labels.sheet) };
}
