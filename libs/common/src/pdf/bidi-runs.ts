import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

/** A stretch of a line in one direction, in the order it is drawn left to right. */
export interface DirectionalRun {
  text: string;
  rtl: boolean;
}

/**
 * A line cut into runs of one direction and put in visual order (Unicode bidi rule L2 over runs): an Urdu post name
 * with a Latin code or figures reads right to left as a whole. Each run keeps its logical text: the font's layout
 * (fontkit) lays out an Arabic-script run right to left and joins its letters itself.
 */
export function visualRuns(line: string): DirectionalRun[] {
  if (line.length === 0) {
    return [];
  }
  const { levels } = bidi.getEmbeddingLevels(line);
  const runs: { text: string; level: number }[] = [];
  for (let i = 0; i < line.length; i++) {
    const last = runs[runs.length - 1];
    if (last && last.level === levels[i]) {
      last.text += line[i];
    } else {
      runs.push({ text: line[i], level: levels[i] });
    }
  }
  const highest = Math.max(...runs.map((run) => run.level));
  const lowestOdd = Math.min(...runs.map((run) => run.level).filter((level) => level % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    for (let start = 0; start < runs.length; start++) {
      if (runs[start].level < level) {
        continue;
      }
      let end = start;
      while (end + 1 < runs.length && runs[end + 1].level >= level) {
        end++;
      }
      runs.splice(start, end - start + 1, ...runs.slice(start, end + 1).reverse());
      start = end;
    }
  }
  return runs.map((run) => ({ text: run.text, rtl: run.level % 2 === 1 }));
}

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

export function hasArabicScript(text: string): boolean {
  return ARABIC_SCRIPT.test(text);
}
