import { Injectable } from '@nestjs/common';
import { ReadinessSummaryView, RosterSubjects } from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';

const PAGE = { limit: 500 } as const;

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/**
 * Readiness keeps ids; the roster names tehsils, police stations and units, and only the gateway may ask it. One
 * page of each for the district (a district has tens of each), with the caller's scope; a name it cannot give stays
 * null rather than failing the report (a unit of another district the caller may not see stays unnamed).
 */
@Injectable()
export class ReadinessNamesService {
  constructor(private readonly rasad: RasadClient) {}

  async named(summary: ReadinessSummaryView): Promise<ReadinessSummaryView> {
    const districtId = summary.districtId;
    const [tehsils, stations, units] = await Promise.all([
      this.rasad.send(RosterSubjects.tehsilList, { districtId, ...PAGE }),
      this.rasad.send(RosterSubjects.policeStationList, { districtId, ...PAGE }),
      this.rasad.send(RosterSubjects.unitList, { districtId, ...PAGE }),
    ]);
    const names = (items: { id: string; name: string }[]) => new Map(items.map((item) => [item.id, item.name]));
    const tehsil = names(tehsils.items);
    const station = names(stations.items);
    const unit = names(units.items);
    // People posted here from other districts belong to units there: those by id, a page at a time (at national scale
    // a district's duties come from hundreds of other units), as far as the caller may see.
    const elsewhere = [
      ...new Set(summary.byUnit.map((row) => row.unitId).filter((id): id is string => id !== null && !unit.has(id))),
    ];
    const pages = await Promise.all(
      chunks(elsewhere, PAGE.limit).map((ids) =>
        this.rasad.send(RosterSubjects.unitList, { ids, ...PAGE }).catch(() => null),
      ),
    );
    for (const other of pages.flatMap((found) => found?.items ?? [])) {
      unit.set(other.id, other.name);
    }
    return {
      ...summary,
      byTehsil: summary.byTehsil.map((row) => ({ ...row, name: tehsil.get(row.tehsilId) ?? null })),
      byPoliceStation: summary.byPoliceStation.map((row) => ({
        ...row,
        name: station.get(row.policeStationId) ?? null,
      })),
      byUnit: summary.byUnit.map((row) => ({ ...row, name: row.unitId ? (unit.get(row.unitId) ?? null) : null })),
    };
  }
}
