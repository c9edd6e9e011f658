import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { DietaryTallyView } from '@rasad/contracts';
import { hasArabicScript, visualRuns } from './bidi-runs';

// The Arabic-script subset as woff: fontkit's subsetting fails on the woff2 files (see the dependency's commit).
// Resolved by Node at run time: webpack would turn a plain require.resolve into a module id in the bundle.
const NASKH = createRequire(__filename).resolve(
  '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff',
);

export interface OrderSheetLine {
  slot: string;
  postCode: string;
  postName: string;
  address: string;
  count: number;
  dietary: DietaryTallyView;
}

export interface OrderSheet {
  kitchenName: string;
  contactPhone: string;
  date: string;
  lines: OrderSheetLine[];
}

const MARGIN = 40;
const ROW = 18;
const COLUMNS = { slot: 40, post: 110, name: 190, count: 390, dietary: 440 } as const;
const RIGHT = 555;

/** "vegetarian 2, diabetic 1, halal 1": the special meals to cook, each `other:` need by its text. */
export function dietaryText(dietary: DietaryTallyView): string {
  const known = (['vegetarian', 'diabetic', 'no_gluten'] as const)
    .filter((kind) => dietary[kind] > 0)
    .map((kind) => `${kind.replace('_', ' ')} ${dietary[kind]}`);
  const other = Object.entries(dietary.otherNeeds ?? {}).map(([text, count]) => `${text} ${count}`);
  return [...known, ...other].join(', ') || '-';
}

/**
 * The printable order: one page per kitchen (more only when its posts overflow one), its posts with their meals
 * and dietary needs by slot, a total per slot. Urdu names are drawn in Noto Naskh Arabic, right to left.
 */
export async function renderOrderSheets(sheets: OrderSheet[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, autoFirstPage: false });
  doc.registerFont('naskh', NASKH);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  for (const sheet of sheets) {
    doc.addPage();
    let y = header(doc, sheet);
    for (const line of sheet.lines) {
      if (y > doc.page.height - MARGIN - ROW * 3) {
        doc.addPage();
        y = tableHead(doc, MARGIN);
      }
      cell(doc, line.slot, COLUMNS.slot, y, COLUMNS.post - COLUMNS.slot);
      cell(doc, line.postCode, COLUMNS.post, y, COLUMNS.name - COLUMNS.post);
      cell(doc, line.address, COLUMNS.name, y, COLUMNS.count - COLUMNS.name);
      cell(doc, String(line.count), COLUMNS.count, y, COLUMNS.dietary - COLUMNS.count);
      cell(doc, dietaryText(line.dietary), COLUMNS.dietary, y, RIGHT - COLUMNS.dietary);
      y += ROW;
    }
    y += ROW / 2;
    for (const [slot, meals] of totals(sheet.lines)) {
      cell(doc, `Total ${slot}: ${meals} meals`, COLUMNS.slot, y, RIGHT - COLUMNS.slot, 'Helvetica-Bold');
      y += ROW;
    }
  }
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

function header(doc: PDFKit.PDFDocument, sheet: OrderSheet): number {
  cell(doc, 'Kitchen order', MARGIN, MARGIN, 300, 'Helvetica-Bold', 16);
  cell(doc, sheet.kitchenName, MARGIN, MARGIN + 24, 500, 'Helvetica-Bold', 13);
  cell(doc, `Date ${sheet.date}    Contact ${sheet.contactPhone}`, MARGIN, MARGIN + 44, 500);
  return tableHead(doc, MARGIN + 72);
}

function tableHead(doc: PDFKit.PDFDocument, y: number): number {
  const bold = 'Helvetica-Bold';
  cell(doc, 'Slot', COLUMNS.slot, y, 70, bold);
  cell(doc, 'Post', COLUMNS.post, y, 80, bold);
  cell(doc, 'Name and address', COLUMNS.name, y, 200, bold);
  cell(doc, 'Meals', COLUMNS.count, y, 50, bold);
  cell(doc, 'Dietary', COLUMNS.dietary, y, 115, bold);
  doc
    .moveTo(MARGIN, y + ROW - 4)
    .lineTo(RIGHT, y + ROW - 4)
    .stroke();
  return y + ROW;
}

function totals(lines: OrderSheetLine[]): Map<string, number> {
  const bySlot = new Map<string, number>();
  for (const line of lines) {
    bySlot.set(line.slot, (bySlot.get(line.slot) ?? 0) + line.count);
  }
  return bySlot;
}

/** One line of text in a cell, Latin runs in Helvetica and Arabic-script runs in Naskh, in visual order. */
function cell(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  latinFont = 'Helvetica',
  size = 10,
): void {
  const runs = hasArabicScript(text) ? visualRuns(text) : [{ text, rtl: false }];
  let left = x;
  for (const run of runs) {
    const font = hasArabicScript(run.text) ? 'naskh' : latinFont;
    doc.font(font).fontSize(size);
    const runWidth = doc.widthOfString(run.text);
    if (left + runWidth > x + width) {
      break;
    }
    // Naskh's tall ascenders sit lower than Helvetica's at the same y: nudge it up to share the baseline.
    doc.text(run.text, left, font === 'naskh' ? y - size * 0.35 : y, { lineBreak: false });
    left += runWidth;
  }
}
