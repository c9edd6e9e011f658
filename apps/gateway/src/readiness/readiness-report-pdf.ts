import { hasArabicScript, newPdf, textRuns } from '@rasad/common/pdf';
import { READINESS_CHECKS, ReadinessCheck } from '@rasad/contracts';
import { DateTime } from 'luxon';

export interface ReportCheckCounts {
  ok: number;
  missing: number;
  percentOk: number;
}

/** A roll-up row as the summary answers it (district totals, a tehsil, a police station). */
export interface ReportRollUp {
  name: string;
  assignments: number;
  green: number;
  amber: number;
  red: number;
  percentReady: number;
  checks: Record<ReadinessCheck, ReportCheckCounts>;
}

export interface ReportTehsil extends ReportRollUp {
  tehsilId: string;
  /** Its police stations, in the order to print them. */
  policeStations: ReportRollUp[];
}

export interface ReportFreshness {
  service: string;
  lastEventAt: string | null;
  behindEvents: number;
  behindSeconds: number;
}

export interface ReportGap {
  personnel: { name: string; rank: string; serviceNumber: string | null };
  post: { code: string; name: string };
  startsAt: string;
  colour: 'green' | 'amber' | 'red';
  missing: { check: string; text: string }[];
}

export interface ReadinessReport {
  districtName: string;
  at: string;
  district: ReportRollUp;
  tehsils: ReportTehsil[];
  freshness: ReportFreshness[];
  /** Soonest duty first, at most the cap the caller chose. */
  gaps: ReportGap[];
  /** Every gap of the district, of which `gaps` are the first. */
  gapsTotal: number;
}

const MARGIN = 40;
const RIGHT = 555;
const ROW = 16;
const BAR = { left: 190, width: 250, height: 10 } as const;
const FILL = { green: '#2e7d32', amber: '#f9a825', red: '#c62828', empty: '#e0e0e0' } as const;
const CHECK_TITLES: Record<ReadinessCheck, string> = {
  briefed: 'Briefed',
  transported: 'Transported',
  lodged: 'Lodged',
  fed: 'Fed',
};
const TABLE = { name: 40, duties: 195, green: 232, amber: 269, red: 306, ready: 343, checks: 385 } as const;
const CHECK_COLUMN = 42;
/** The table's check columns count the duties missing each check; short heads fit the column. */
const CHECK_HEADS: Record<ReadinessCheck, string> = {
  briefed: 'Briefed',
  transported: 'Transport',
  lodged: 'Lodged',
  fed: 'Fed',
};

/**
 * The commander's district report, A4: the summary with its freshness, a bar chart per check (each tehsil's ok and
 * missing as shares of its duties), a table per tehsil (its police stations), then the gap list, soonest duty first.
 * Urdu names are drawn in Noto Naskh Arabic, right to left; times are local.
 */
export function readinessReportPdf(report: ReadinessReport, timeZone: string): Promise<Buffer> {
  const { doc, bytes } = newPdf({ size: 'A4', margin: MARGIN, info: { Title: `Readiness ${report.districtName}` } });
  const local = (iso: string, format: string) => DateTime.fromISO(iso).setZone(timeZone).toFormat(format);
  const writer = new PageWriter(doc);

  writer.line(`Readiness: ${report.districtName}`, { bold: true, size: 16, gap: 8 });
  writer.line(`As of ${local(report.at, 'ccc d LLL yyyy, HH:mm')}`);
  const d = report.district;
  writer.line(`${d.assignments} duties: ${d.green} ready (${d.percentReady}%), ${d.amber} amber, ${d.red} red.`, {
    bold: true,
    gap: 4,
  });
  writer.line(freshnessLine(report.freshness, local), { size: 8, gap: 10 });

  for (const check of READINESS_CHECKS) {
    chart(writer, check, report);
  }
  for (const tehsil of report.tehsils) {
    tehsilTable(writer, tehsil);
  }
  gapList(writer, report, local);
  doc.end();
  return bytes;
}

/** "Reflects roster to 08 Feb 19:58 (0 behind), meals to … (3 events, 40 s behind)". */
function freshnessLine(freshness: ReportFreshness[], local: (iso: string, format: string) => string): string {
  if (freshness.length === 0) {
    return 'Freshness: no source has reported yet.';
  }
  const parts = freshness.map((source) => {
    const upTo = source.lastEventAt ? local(source.lastEventAt, 'd LLL HH:mm') : 'nothing yet';
    const behind =
      source.behindEvents === 0 ? 'up to date' : `${source.behindEvents} events, ${source.behindSeconds} s behind`;
    return `${source.service} to ${upTo} (${behind})`;
  });
  return `Reflects ${parts.join('; ')}.`;
}

function chart(writer: PageWriter, check: ReadinessCheck, report: ReadinessReport): void {
  const rows: ReportRollUp[] = [{ ...report.district, name: 'District' }, ...report.tehsils];
  writer.ensure(ROW * (rows.length + 2));
  const counts = report.district.checks[check];
  writer.line(`${CHECK_TITLES[check]}: ${counts.ok} ok, ${counts.missing} missing (${counts.percentOk}% ok)`, {
    bold: true,
    gap: 4,
  });
  for (const row of rows) {
    const y = writer.y;
    const { ok, missing } = row.checks[check];
    textRuns(writer.doc, row.name, MARGIN, y, BAR.left - MARGIN - 6, 'Helvetica', 9);
    bar(writer.doc, y, row, ok, missing);
    textRuns(
      writer.doc,
      `${ok} ok, ${missing} missing`,
      BAR.left + BAR.width + 8,
      y,
      RIGHT - BAR.left - BAR.width - 8,
      'Helvetica',
      9,
    );
    writer.y += ROW;
  }
  writer.y += ROW / 2;
}

/**
 * One horizontal bar the full width for the row's duties: ok in green, then the missing, shaded amber and red in the
 * proportion of the row's amber and red duties (a duty lacking this check is amber or red by its time to start).
 */
function bar(doc: PDFKit.PDFDocument, y: number, row: ReportRollUp, ok: number, missing: number): void {
  const total = ok + missing;
  doc.rect(BAR.left, y, BAR.width, BAR.height).fill(FILL.empty);
  if (total === 0) {
    return;
  }
  const okWidth = (BAR.width * ok) / total;
  const missingWidth = BAR.width - okWidth;
  const notReady = row.amber + row.red;
  const redWidth = notReady === 0 ? missingWidth : (missingWidth * row.red) / notReady;
  if (okWidth > 0) {
    doc.rect(BAR.left, y, okWidth, BAR.height).fill(FILL.green);
  }
  if (missingWidth - redWidth > 0) {
    doc.rect(BAR.left + okWidth, y, missingWidth - redWidth, BAR.height).fill(FILL.amber);
  }
  if (redWidth > 0) {
    doc.rect(BAR.left + okWidth + missingWidth - redWidth, y, redWidth, BAR.height).fill(FILL.red);
  }
  doc.fillColor('black');
}

function tehsilTable(writer: PageWriter, tehsil: ReportTehsil): void {
  writer.ensure(ROW * 4);
  writer.line(`Tehsil ${tehsil.name}`, { bold: true, size: 12, gap: 0 });
  writer.line('Duties by colour, percent ready, and how many lack each check.', { size: 8, gap: 2 });
  const head = () => {
    const cells: [string, number][] = [
      ['Police station', TABLE.name],
      ['Duties', TABLE.duties],
      ['Green', TABLE.green],
      ['Amber', TABLE.amber],
      ['Red', TABLE.red],
      ['Ready', TABLE.ready],
      ...READINESS_CHECKS.map((check, i): [string, number] => [CHECK_HEADS[check], TABLE.checks + i * CHECK_COLUMN]),
    ];
    for (const [text, x] of cells) {
      textRuns(writer.doc, text, x, writer.y, x === TABLE.name ? 150 : CHECK_COLUMN, 'Helvetica-Bold', 9);
    }
    writer.rule();
  };
  head();
  const rows = [
    ...tehsil.policeStations.map((row) => ({ row, font: 'Helvetica' })),
    { row: { ...tehsil, name: `Total ${tehsil.name}` }, font: 'Helvetica-Bold' },
  ];
  for (const { row, font } of rows) {
    if (writer.ensure(ROW * 2)) {
      head();
    }
    rollUpRow(writer, row, font);
  }
  writer.y += ROW / 2;
}

/** A roll-up's row: duties, colours, percent ready, and each check's missing count. */
function rollUpRow(writer: PageWriter, row: ReportRollUp, font: string): void {
  const y = writer.y;
  const cells: [string, number, number][] = [
    [row.name, TABLE.name, TABLE.duties - TABLE.name - 6],
    [String(row.assignments), TABLE.duties, 40],
    [String(row.green), TABLE.green, 40],
    [String(row.amber), TABLE.amber, 40],
    [String(row.red), TABLE.red, 40],
    [`${row.percentReady}%`, TABLE.ready, 45],
    ...READINESS_CHECKS.map((check, i): [string, number, number] => [
      row.checks[check].missing === 0 ? '-' : String(row.checks[check].missing),
      TABLE.checks + i * CHECK_COLUMN,
      CHECK_COLUMN,
    ]),
  ];
  for (const [text, x, width] of cells) {
    textRuns(writer.doc, text, x, y, width, font, 9);
  }
  writer.y += ROW;
}

function gapList(writer: PageWriter, report: ReadinessReport, local: (iso: string, format: string) => string): void {
  writer.ensure(ROW * 4);
  const shown = report.gaps.length;
  writer.line(
    shown === report.gapsTotal
      ? `Gaps: ${report.gapsTotal} duties lack something, soonest first`
      : `Gaps: the ${shown} soonest of ${report.gapsTotal} duties that lack something`,
    { bold: true, size: 12, gap: 4 },
  );
  if (shown === 0) {
    writer.line('Nothing is missing.');
    return;
  }
  for (const gap of report.gaps) {
    writer.ensure(ROW * (gap.missing.length + 1));
    const y = writer.y;
    const person = `${gap.personnel.rank} ${gap.personnel.name}${gap.personnel.serviceNumber ? ` (${gap.personnel.serviceNumber})` : ''}`;
    textRuns(writer.doc, local(gap.startsAt, 'd LLL HH:mm'), MARGIN, y, 62, 'Helvetica-Bold', 9);
    textRuns(writer.doc, gap.colour, MARGIN + 62, y, 38, 'Helvetica', 9);
    textRuns(writer.doc, person, MARGIN + 100, y, 210, 'Helvetica', 9);
    textRuns(writer.doc, `${gap.post.code} ${gap.post.name}`, MARGIN + 315, y, RIGHT - MARGIN - 315, 'Helvetica', 9);
    writer.y += ROW - 3;
    for (const item of gap.missing) {
      writer.text(`- ${item.text}`, MARGIN + 100, RIGHT - MARGIN - 100, 'Helvetica', 8);
    }
    writer.y += 4;
  }
  if (shown < report.gapsTotal) {
    writer.line(`And ${report.gapsTotal - shown} more: the whole list is GET /api/v1/readiness/gaps?format=csv.`, {
      gap: 0,
    });
  }
}

/** Where the next line goes, and a new page when it would not fit. */
class PageWriter {
  y = MARGIN;

  constructor(readonly doc: PDFKit.PDFDocument) {}

  /** A page break when `height` does not fit; whether it broke. */
  ensure(height: number): boolean {
    if (this.y + height <= this.doc.page.height - MARGIN) {
      return false;
    }
    this.doc.addPage();
    this.y = MARGIN;
    return true;
  }

  line(text: string, options: { bold?: boolean; size?: number; gap?: number } = {}): void {
    this.text(text, MARGIN, RIGHT - MARGIN, options.bold ? 'Helvetica-Bold' : 'Helvetica', options.size ?? 10);
    this.y += options.gap ?? 2;
  }

  /** Latin text wraps within the width; a line with Urdu in it is drawn as one line of runs (`textRuns`). */
  text(text: string, x: number, width: number, font: string, size: number): void {
    if (hasArabicScript(text)) {
      this.ensure(size + 6);
      textRuns(this.doc, text, x, this.y, width, font, size);
      this.y += size + 6;
      return;
    }
    this.doc.font(font).fontSize(size);
    const height = this.doc.heightOfString(text, { width });
    this.ensure(height + 4);
    this.doc.text(text, x, this.y, { width });
    this.y += height + 4;
  }

  rule(): void {
    this.doc
      .moveTo(MARGIN, this.y + ROW - 5)
      .lineTo(RIGHT, this.y + ROW - 5)
      .lineWidth(0.5)
      .stroke();
    this.y += ROW;
  }
}
