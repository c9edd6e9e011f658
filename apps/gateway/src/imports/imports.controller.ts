import { Controller, HttpCode, Post, Query, Req, UseGuards } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { SkipThrottle } from '@nestjs/throttler';
import { Audited } from '../audit/audited.interceptor';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorView, ImportQuery, ImportResultView } from '@rasad/contracts';
import type { FastifyRequest } from 'fastify';
import { ApiErrors } from '../http/api-errors.decorator';
import { CsvImportService } from './csv-import.service';
import { CSV_UPLOAD, uploadedCsv } from './csv-upload';
import { ImportsThrottlerGuard } from './imports-throttler.guard';

const CSV_BODY = {
  schema: { type: 'string', format: 'binary' },
  description:
    'text/csv, or a form (multipart/form-data) with the file in one file field; the first row names the columns ' +
    '(the JSON field names); list cells separated by `;`. Save spreadsheets as CSV UTF-8.',
};

const UNSUPPORTED = { status: 415, type: ErrorView, description: 'Neither text/csv nor a form with the file' };

@ApiTags('Imports')
@ApiBearerAuth()
@Audited({ entity: 'import' })
@UseGuards(ImportsThrottlerGuard)
@SkipThrottle({ login: true, calendar: true })
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: CsvImportService) {}

  @Post('personnel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import personnel from CSV: all rows or none; upsert by serviceNumber',
    description:
      'Columns: serviceNumber, name, rank, unitId or unitCode, homeDistrictId or homeDistrictCode, cnic, phone, gender, ' +
      'travelMode, and optionally dietaryNeeds (e.g. `diabetic;vegetarian`) and language. Row numbers in errors are ' +
      'spreadsheet rows: the header is row 1.',
  })
  @RouteConfig(CSV_UPLOAD)
  @ApiConsumes('text/csv', 'multipart/form-data')
  @ApiBody(CSV_BODY)
  @ApiOkResponse({ type: ImportResultView })
  @ApiErrors(422)
  @ApiResponse(UNSUPPORTED)
  async personnel(@Req() request: FastifyRequest, @Query() query: ImportQuery) {
    return this.imports.import('personnel', await uploadedCsv(request), query.dryRun);
  }

  @Post('assignments')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import duty assignments from CSV: all rows or none; upsert by person and window',
    description:
      'Columns: personnelId or serviceNumber, postId or postCode, role, startsAt, endsAt (ISO 8601 with offset), phase, ' +
      'and optionally status and id. A row updates the duty it matches: the one its id names (absent or outside your ' +
      'districts: a row error); else the person’s duty with that exact window; else, when the person has exactly one ' +
      'live duty at that post in that phase and no other row names it, that one, whose window then changes (so a ' +
      'time is fixed by correcting it in the file and importing again). A row matching nothing creates a duty. An ' +
      'overlap names endsAt when the end runs into another duty, startsAt when the start does.',
  })
  @RouteConfig(CSV_UPLOAD)
  @ApiConsumes('text/csv', 'multipart/form-data')
  @ApiBody(CSV_BODY)
  @ApiOkResponse({ type: ImportResultView })
  @ApiErrors(422)
  @ApiResponse(UNSUPPORTED)
  async assignments(@Req() request: FastifyRequest, @Query() query: ImportQuery) {
    return this.imports.import('assignments', await uploadedCsv(request), query.dryRun);
  }
}
