/** Typographic punctuation outside GSM-7, and its plain equivalent. */
const PLAIN: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2026': '...',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
};
const TYPOGRAPHIC = new RegExp(`[${Object.keys(PLAIN).join('')}]`, 'g');

/**
 * An officer's "Haripur – Ghazi" or “Code of conduct” in a title or venue would turn a whole English SMS into
 * UCS-2, doubling its parts; the plain hyphen and quotes read the same.
 */
export function plainPunctuation(text: string): string {
  return text.replace(TYPOGRAPHIC, (char) => PLAIN[char]);
}
