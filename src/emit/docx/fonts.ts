import type { IFontAttributesProperties } from 'docx';
import { FONT } from './gbt9704.js';

/** Explicit fonts for all four scripts; never a theme font, which Word and WPS let win over names. */
export function fontsFor(eastAsia: string, latin: string = FONT.latin): IFontAttributesProperties {
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia };
}
