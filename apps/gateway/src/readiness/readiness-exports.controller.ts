import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ReadinessSubjects, ReadinessSummaryQuery, RosterSubjects } from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { RANK_LABELS, isRank } from '@rasad/personnel';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { GatewayEnv } from '../gateway.env';
import { ApiErrors } from '../http/api-errors.decorator';
import { ReadinessNamesService } from './readiness-names.service';
import { ReadinessReport, readinessReportPdf } from './readiness-report-pdf';
import { summaryCsv } from './summary-csv';

/** The PDF prints the soonest gaps; the whole list is the gaps CSV, which the PDF names. */
export const REPORT_GAPS = 200;

/**
 * A district's readiness to take away: the roll-ups as a spreadsheet and the commander's report as a PDF. Both are
 * built from the same summary and gap list the JSON routes answer, with the caller's scope (a district outside it
 * answers as the summary does).
 */
@ApiBearerAuth()
@ApiTags('Readiness')
@Roles('admin', 'logistics_officer', 'viewer')
@Controller('readiness')
export class ReadinessExportsController {
  constructor(
    private readonly rasad: RasadClient,
    private readonly names: ReadinessNamesService,
    private readonly env: GatewayEnv,
  ) {}

  @Get('summary.csv')
  @ApiOperation({
    summary:
      "The district's roll-ups as CSV: a row for the district and each tehsil, police station, unit and phase, with " +
      'duties by colour, percent ready and each check met, missing and percent',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiErrors()
  async summaryCsv(@Query() query: ReadinessSummaryQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const { summary, districtName } = await this.namedSummary(query);
    // Set on success only: an error still goes out as the JSON every route answers with.
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="readiness-summary.csv"');
    return summaryCsv(summary, districtName, this.env.RASAD_TIME_ZONE);
  }

  @Get('report.pdf')
  @ApiOperation({
    summary:
      "The commander's report as a PDF: district summary and freshness, a chart per check, a table per tehsil, and " +
      `the ${REPORT_GAPS} soonest gaps (the whole list is gaps?format=csv)`,
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiErrors()
  async reportPdf(@Query() query: ReadinessSummaryQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const { summary, districtName } = await this.namedSummary(query);
    const gaps = await this.rasad.send(ReadinessSubjects.gapList, {
      districtId: query.districtId,
      at: query.at,
      limit: REPORT_GAPS,
    });
    const unnamed = (id: string) => `(${id.slice(0, 8)})`;
    const report: ReadinessReport = {
      districtName,
      at: summary.at,
      district: { ...summary.totals, name: districtName, checks: summary.checks },
      tehsils: summary.byTehsil.map((tehsil) => ({
        ...tehsil,
        name: tehsil.name ?? unnamed(tehsil.tehsilId),
        policeStations: summary.byPoliceStation
          .filter((station) => station.tehsilId === tehsil.tehsilId)
          .map((station) => ({ ...station, name: station.name ?? unnamed(station.policeStationId) })),
      })),
      freshness: summary.freshness,
      gaps: gaps.items.map((gap) => ({
        personnel: {
          name: gap.personnel.name ?? unnamed(gap.personnel.id),
          rank: isRank(gap.personnel.rank) ? RANK_LABELS[gap.personnel.rank] : '',
          serviceNumber: gap.personnel.serviceNumber,
        },
        post: { code: gap.post.code ?? '', name: gap.post.name ?? unnamed(gap.post.id) },
        startsAt: gap.startsAt,
        colour: gap.colour,
        missing: gap.missing,
      })),
      gapsTotal: gaps.total,
    };
    const pdf = await readinessReportPdf(report, this.env.RASAD_TIME_ZONE);
    void reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', 'inline; filename="readiness-report.pdf"');
    return pdf;
  }

  /** The summary (the readiness service checks the district and `at`), its parts named, and the district's name. */
  private async namedSummary(query: ReadinessSummaryQuery) {
    const summary = await this.names.named(await this.rasad.send(ReadinessSubjects.summary, query));
    const district = await this.rasad.send(RosterSubjects.districtGet, { id: query.districtId });
    return { summary, districtName: district.name };
  }
}
