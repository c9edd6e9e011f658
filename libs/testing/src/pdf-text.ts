import { spawn } from 'node:child_process';

// unpdf loads PDF.js with a dynamic import, which jest's module VM refuses; a child node process reads it instead.
const READ_PDF = `
import { extractText, getDocumentProxy } from 'unpdf';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
const { text } = await extractText(pdf, { mergePages: false });
process.stdout.write(JSON.stringify({ pages: pdf.numPages, text }));
`;

/** A PDF's text, page by page, as a reader would extract it. */
export function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', READ_PDF], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as { pages: number; text: string[] })
        : reject(new Error(`reading the PDF failed (${code}): ${err}`)),
    );
    child.stdin.end(Buffer.from(bytes));
  });
}
