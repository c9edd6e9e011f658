// Not exported from @rasad/common's index: only the services that write PDFs load pdfkit (`@rasad/common/pdf`).
export * from './bidi-runs';
export * from './pdf-kit';
export * from './pdf-text';
