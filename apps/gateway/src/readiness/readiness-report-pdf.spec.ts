import { pdfText } from '@rasad/testing/pdf-text';
import { ReadinessReport, ReportRollUp, readinessReportPdf } from './readiness-report-pdf';

const checks = (missing: number, of: number) => {
  const counts = { ok: of - missing, missing, percentOk: Math.round(((of - missing) / of) * 100) };
  return { briefed: counts, transported: counts, lodged: { ok: of, missing: 0, percentOk: 100 }, fed: counts };
};

const rollUp = (name: string, assignments: number, red: number): ReportRollUp => ({
  name,
  assignments,
  green: assignments - red,
  amber: 0,
  red,
  percentReady: Math.round(((assignments - red) / assignments) * 100),
  checks: checks(red, assignments),
});

const URDU_POST = 'سرکاری سکول خانپور';
const URDU_PERSON = 'عمران خان';
// The words of them a PDF reader gives back whole: where the font joins or stacks letters (خان, ہائی) it may return
// them out of order.
const URDU_WORDS = ['سرکاری', 'سکول', 'عمران'];

function report(gaps: number, gapsTotal: number): ReadinessReport {
  return {
    districtName: 'Haripur',
    at: '2027-02-07T15:00:00.000Z',
    district: rollUp('Haripur', 10, 2),
    tehsils: [
      { ...rollUp('Ghazi', 6, 2), tehsilId: 't1', policeStations: [rollUp('PS Ghazi', 6, 2)] },
      { ...rollUp('Khanpur', 4, 0), tehsilId: 't2', policeStations: [rollUp('PS Khanpur', 4, 0)] },
    ],
    freshness: [{ service: 'roster', lastEventAt: '2027-02-07T14:58:00.000Z', behindEvents: 0, behindSeconds: 0 }],
    gaps: Array.from({ length: gaps }, (_, i) => ({
      personnel: { name: i === 0 ? URDU_PERSON : `Constable ${i}`, rank: 'constable', serviceNumber: `HRP-${i}` },
      post: { code: `PS-HRP-0${i}`, name: URDU_POST },
      startsAt: '2027-02-08T01:00:00.000Z',
      colour: 'red' as const,
      missing: [{ check: 'fed', text: `no dinner plan on 8 Feb at PS-HRP-0${i}` }],
    })),
    gapsTotal,
  };
}

// Each test renders a PDF and reads it back in a child node process: seconds on a busy machine.
jest.setTimeout(30_000);

describe('readinessReportPdf', () => {
  it('prints the district, its freshness, a chart per check, each tehsil and the gaps with their Urdu posts', async () => {
    const bytes = await readinessReportPdf(report(2, 2), 'Asia/Karachi');
    expect(bytes.toString('latin1')).toContain('NotoNaskhArabic');
    const { text } = await pdfText(bytes);
    const all = text.join('\n');
    expect(all).toContain('Readiness: Haripur');
    expect(all).toContain('As of Sun 7 Feb 2027, 20:00');
    expect(all).toContain('10 duties: 8 ready (80%), 0 amber, 2 red.');
    expect(all).toContain('roster to 7 Feb 19:58 (up to date)');
    for (const title of ['Briefed: 8 ok, 2 missing (80% ok)', 'Transported:', 'Lodged: 10 ok, 0 missing', 'Fed:']) {
      expect(all).toContain(title);
    }
    expect(all).toContain('Tehsil Ghazi');
    expect(all).toContain('PS Khanpur');
    expect(all).toContain('Total Khanpur');
    expect(all).toContain('Gaps: 2 duties lack something, soonest first');
    expect(all).toContain('8 Feb 06:00');
    expect(all).toContain('constable Constable 1 (HRP-1)');
    expect(all).toContain('- no dinner plan on 8 Feb at PS-HRP-01');
    // Urdu names come back out as their words (a reader may order the runs either way), in the embedded Naskh.
    for (const word of URDU_WORDS) {
      expect(all).toContain(word);
    }
  });

  it('says how many more gaps there are when the list is capped', async () => {
    const { pages, text } = await pdfText(await readinessReportPdf(report(60, 75), 'Asia/Karachi'));
    const all = text.join('\n');
    expect(pages).toBeGreaterThan(1);
    expect(all).toContain('Gaps: the 60 soonest of 75 duties that lack something');
    expect(all).toContain('And 15 more');
    expect(all).toContain('Constable 59');
  });
});
