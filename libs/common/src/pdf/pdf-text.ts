import { createRequire } from 'node:module';
import { hasArabicScript, visualRuns } from './bidi-runs';
import { pdfDocument } from './pdf-kit';

// The Arabic-script subset as woff: fontkit's subsetting fails on the woff2 files (see the dependency's commit).
// Resolved by Node at run time: webpack would turn a plain require.resolve into a module id in the bundle.
const NASKH = createRequire(__filename).resolve(
  '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff',
);

/** The font name `textRuns` draws Arabic-script runs in; `newPdf` registers it. */
export const NASKH_FONT = 'naskh';

/** A pdfkit document with Noto Naskh Arabic registered, and its bytes once `end()` is called. */
export function newPdf(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  const doc = pdfDocument(options);
  doc.registerFont(NASKH_FONT, NASKH);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}

/**
 * One line of text in a cell, Latin runs in `latinFont` and Arabic-script runs in Naskh, in visual order; what does
 * not fit the width is left out, run by run. The width drawn.
 */
export function textRuns(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  latinFont = 'Helvetica',
  size = 10,
): number {
  const runs = hasArabicScript(text) ? visualRuns(text) : [{ text, rtl: false }];
  let left = x;
  for (const run of runs) {
    const font = hasArabicScript(run.text) ? NASKH_FONT : latinFont;
    doc.font(font).fontSize(size);
    const runWidth = doc.widthOfString(run.text);
    if (left + runWidth > x + width) {
      break;
    }
    // Naskh's tall ascenders sit lower than Helvetica's at the same y: nudge it up to share the baseline.
    doc.text(run.text, left, font === NASKH_FONT ? y - size * 0.35 : y, { lineBreak: false });
    left += runWidth;
  }
  return left - x;
}
