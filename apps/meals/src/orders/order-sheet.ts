// Urdu names in Noto Naskh Arabic, right to left, through the shared cell writer.
import { newPdf, textRuns as cell } from '@rasad/common/pdf';
import { DietaryTallyView } from '@rasad/contracts';

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
  const { doc, bytes } = newPdf({ size: 'A4', margin: MARGIN, autoFirstPage: false });
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
  return bytes;
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
