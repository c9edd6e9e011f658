import type PDFKitDocument from 'pdfkit';

/**
 * A pdfkit document. pdfkit is loaded with the first document rather than at start-up: with fontkit and its tables
 * it held 7.6 MB resident (4.3 MB of heap) in every process that imports a PDF writer, the gateway among them, which
 * writes a PDF now and then and must stay under 150 MB (docs/benchmarks.md).
 */
export function pdfDocument(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  // An import would load it with this module; a require here runs once, on the first call (then Node's cache).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const PDFDocument = require('pdfkit') as typeof PDFKitDocument;
  return new PDFDocument(options);
}
