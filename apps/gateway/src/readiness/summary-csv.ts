import { listToCsv } from '@rasad/common';
import { READINESS_CHECKS, ReadinessChecksTallyView, ReadinessSummaryView } from '@rasad/contracts';
import { toLocalIso } from '@rasad/duty-assignments';

interface RollUpCounts {
  name: string | null;
  assignments: number;
  green: number;
  amber: number;
  red: number;
  percentReady: number;
  checks: ReadinessChecksTallyView;
}

type Level = 'district' | 'tehsil' | 'police_station' | 'unit' | 'phase';

/**
 * A district's roll-ups as one spreadsheet: the district, then each tehsil, police station, unit and phase, a row
 * each with its duties by colour, percent ready and, per check, how many meet it, lack it and the percent met. Every
 * row has every column, in one order, so a sheet's columns never shift; cells are neutralised by `listToCsv`.
 */
export function summaryCsv(summary: ReadinessSummaryView, districtName: string, timeZone: string): string {
  const at = toLocalIso(summary.at, timeZone);
  const row = (level: Level, id: string | null, counts: RollUpCounts) => ({
    at,
    level,
    id,
    name: counts.name,
    assignments: counts.assignments,
    green: counts.green,
    amber: counts.amber,
    red: counts.red,
    percentReady: counts.percentReady,
    ...Object.fromEntries(
      READINESS_CHECKS.flatMap((check) => [
        [`${check}.ok`, counts.checks[check].ok],
        [`${check}.missing`, counts.checks[check].missing],
        [`${check}.percentOk`, counts.checks[check].percentOk],
      ]),
    ),
  });
  return listToCsv([
    row('district', summary.districtId, { ...summary.totals, name: districtName, checks: summary.checks }),
    ...summary.byTehsil.map((t) => row('tehsil', t.tehsilId, t)),
    ...summary.byPoliceStation.map((p) => row('police_station', p.policeStationId, p)),
    ...summary.byUnit.map((u) => row('unit', u.unitId, u)),
    ...summary.byPhase.map((p) => row('phase', p.phase, { ...p, name: p.name ?? p.phase })),
  ]);
}
