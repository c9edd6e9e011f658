import { Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { Audited } from '../audit/audited.interceptor';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, ErrorCode, ImportResultView } from '@rasad/contracts';
import type { FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { ApiErrors } from '../http/api-errors.decorator';
import { RequestId } from '../http/request-id.decorator';
import { CsvImportService } from './csv-import.service';

const CSV_BODY = {
  schema: { type: 'string', format: 'binary' },
  description: 'text/csv; the first row names the columns (the JSON field names); list cells separated by `;`',
};

@ApiTags('Imports')
@ApiBearerAuth()
@Audited({ entity: 'import' })
@UseGuards(ThrottlerGuard)
@SkipThrottle({ login: true })
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
  @ApiConsumes('text/csv')
  @ApiBody(CSV_BODY)
  @ApiOkResponse({ type: ImportResultView })
  @ApiErrors(422)
  personnel(@Req() request: FastifyRequest, @RequestId() requestId: string) {
    return this.imports.import('personnel', csvBody(request), requestId);
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
  @ApiConsumes('text/csv')
  @ApiBody(CSV_BODY)
  @ApiOkResponse({ type: ImportResultView })
  @ApiErrors(422)
  assignments(@Req() request: FastifyRequest, @RequestId() requestId: string) {
    return this.imports.import('assignments', csvBody(request), requestId);
  }
}

function csvBody(request: FastifyRequest): Readable {
  if (!(request.body instanceof Readable)) {
    throw new DomainError(ErrorCode.ValidationFailed, 'send the file as the request body with Content-Type: text/csv', [
      { field: '(body)', message: 'expected a text/csv body' },
    ]);
  }
  return request.body;
}
