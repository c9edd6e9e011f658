import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsIsoWithOffset } from '../common.dto';
import { AnyOf, PageQuery } from '../pagination';

/** The four checks of a duty's readiness (DESIGN.md, "Readiness"), in the order reports show them. */
export const READINESS_CHECKS = ['briefed', 'transported', 'lodged', 'fed'] as const;
export type ReadinessCheck = (typeof READINESS_CHECKS)[number];

export const READINESS_COLOURS = ['green', 'amber', 'red'] as const;
export type ReadinessColourName = (typeof READINESS_COLOURS)[number];

/** The services whose events readiness is built from, as freshness names them. */
export const READINESS_SOURCES = ['roster', 'briefings', 'meals', 'transport', 'lodging'] as const;
export type ReadinessSource = (typeof READINESS_SOURCES)[number];

const AT_DESCRIPTION =
  'The report as it stood then (default now; a date is the start of that local day); never in the future';

export class ReadinessSummaryQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  districtId: string;

  @ApiPropertyOptional({ description: AT_DESCRIPTION, example: '2027-02-07T18:00:00+05:00' })
  @IsOptional()
  @IsIsoWithOffset()
  at?: string;
}

/** The roll-up over every district in the caller's scope: for an admin, the national picture. */
export class ReadinessRollupQuery {
  @ApiPropertyOptional({ description: AT_DESCRIPTION, example: '2027-02-07T18:00:00+05:00' })
  @IsOptional()
  @IsIsoWithOffset()
  at?: string;
}

export class ListReadinessPostsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() districtId?: string;
  @ApiPropertyOptional({ description: AT_DESCRIPTION }) @IsOptional() @IsIsoWithOffset() at?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() tehsilId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() policeStationId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() postId?: string;
  /** The post's worst colour. */
  @AnyOf(READINESS_COLOURS) colour?: ReadinessColourName[];
}

export class ListReadinessGapsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() districtId?: string;
  @ApiPropertyOptional({ description: AT_DESCRIPTION }) @IsOptional() @IsIsoWithOffset() at?: string;
  /** Only people lacking (any of) these. */
  @AnyOf(READINESS_CHECKS) check?: ReadinessCheck[];
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() tehsilId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() policeStationId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() postId?: string;
  /** A gap is amber or red; green has none. */
  @AnyOf(['amber', 'red']) colour?: ('amber' | 'red')[];
}

export class ReadinessAssignmentQuery {
  @ApiPropertyOptional({ description: AT_DESCRIPTION }) @IsOptional() @IsIsoWithOffset() at?: string;
}

export class ReadinessAssignmentRequest extends ReadinessAssignmentQuery {
  @IsUUID() id: string;
}

export class ReadinessCheckTallyView {
  @ApiProperty({ description: 'Assignments meeting the check' }) ok: number;
  @ApiProperty({ description: 'Assignments lacking something for it' }) missing: number;
  @ApiProperty({ description: 'ok of all, 0–100, one decimal' }) percentOk: number;
}

export class ReadinessChecksTallyView {
  @ApiProperty() briefed: ReadinessCheckTallyView;
  @ApiProperty() transported: ReadinessCheckTallyView;
  @ApiProperty() lodged: ReadinessCheckTallyView;
  @ApiProperty() fed: ReadinessCheckTallyView;
}

export class ReadinessTotalsView {
  @ApiProperty() assignments: number;
  @ApiProperty() green: number;
  @ApiProperty() amber: number;
  @ApiProperty() red: number;
  @ApiProperty({ description: 'Ready (green): nothing missing' }) ready: number;
  @ApiProperty({ description: 'ready of assignments, 0–100, one decimal' }) percentReady: number;
}

class ReadinessGroupView {
  @ApiProperty({ type: String, nullable: true, description: 'From the roster; null if it cannot say' })
  name: string | null;
  @ApiProperty() assignments: number;
  @ApiProperty() green: number;
  @ApiProperty() amber: number;
  @ApiProperty() red: number;
  @ApiProperty() percentReady: number;
  @ApiProperty() checks: ReadinessChecksTallyView;
}

export class ReadinessDistrictView extends ReadinessGroupView {
  @ApiProperty({ format: 'uuid' }) districtId: string;
}

export class ReadinessTehsilView extends ReadinessGroupView {
  @ApiProperty({ format: 'uuid' }) tehsilId: string;
}

export class ReadinessPoliceStationView extends ReadinessGroupView {
  @ApiProperty({ format: 'uuid' }) policeStationId: string;
  @ApiProperty({ format: 'uuid' }) tehsilId: string;
}

export class ReadinessUnitView extends ReadinessGroupView {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: the person is not yet known' })
  unitId: string | null;
}

export class ReadinessPhaseView extends ReadinessGroupView {
  @ApiProperty() phase: string;
}

/** Up to when a source service is reflected in the report. */
export class ReadinessFreshnessView {
  @ApiProperty({ enum: READINESS_SOURCES }) service: ReadinessSource;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'When its last applied event occurred',
  })
  lastEventAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When readiness applied it' })
  appliedAt: string | null;
  @ApiProperty({ description: 'Its events in the stream readiness has not applied yet' })
  behindEvents: number;
  @ApiProperty({ description: 'Age of the oldest event readiness holds unapplied; 0 when caught up' })
  behindSeconds: number;
}

export class ReadinessSummaryView {
  @ApiProperty({ format: 'uuid' }) districtId: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() totals: ReadinessTotalsView;
  @ApiProperty() checks: ReadinessChecksTallyView;
  @ApiProperty({ type: ReadinessTehsilView, isArray: true }) byTehsil: ReadinessTehsilView[];
  @ApiProperty({ type: ReadinessPoliceStationView, isArray: true }) byPoliceStation: ReadinessPoliceStationView[];
  @ApiProperty({ type: ReadinessUnitView, isArray: true }) byUnit: ReadinessUnitView[];
  @ApiProperty({ type: ReadinessPhaseView, isArray: true }) byPhase: ReadinessPhaseView[];
  @ApiProperty({ type: ReadinessFreshnessView, isArray: true }) freshness: ReadinessFreshnessView[];
}

export class ReadinessRollupView {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() totals: ReadinessTotalsView;
  @ApiProperty() checks: ReadinessChecksTallyView;
  @ApiProperty({ type: ReadinessDistrictView, isArray: true }) byDistrict: ReadinessDistrictView[];
  @ApiProperty({ type: ReadinessUnitView, isArray: true }) byUnit: ReadinessUnitView[];
  @ApiProperty({ type: ReadinessPhaseView, isArray: true }) byPhase: ReadinessPhaseView[];
  @ApiProperty({ type: ReadinessFreshnessView, isArray: true }) freshness: ReadinessFreshnessView[];
}

export class ReadinessPostView {
  @ApiProperty({ format: 'uuid' }) postId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) districtId: string;
  @ApiProperty({ format: 'uuid' }) tehsilId: string;
  @ApiProperty({ format: 'uuid' }) policeStationId: string;
  @ApiProperty({ type: Number, nullable: true }) latitude: number | null;
  @ApiProperty({ type: Number, nullable: true }) longitude: number | null;
  @ApiProperty() assignments: number;
  @ApiProperty() green: number;
  @ApiProperty() amber: number;
  @ApiProperty() red: number;
  @ApiProperty({ enum: READINESS_COLOURS, description: 'The worst of its assignments' }) colour: ReadinessColourName;
  @ApiProperty() checks: ReadinessChecksTallyView;
}

/** One thing a person still lacks: which check, a stable code, and words an officer reads. */
export class ReadinessMissingView {
  @ApiProperty({ enum: READINESS_CHECKS }) check: ReadinessCheck;
  @ApiProperty({ example: 'fed.no_plan:2027-02-08:dinner' }) code: string;
  @ApiProperty({ example: 'no dinner plan on 8 Feb at PS-HRP-012' }) text: string;
}

export class ReadinessPersonRefView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) rank: string | null;
  @ApiProperty({ type: String, nullable: true }) serviceNumber: string | null;
}

export class ReadinessPostRefView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) code: string | null;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
}

export class ReadinessGapView {
  @ApiProperty({ format: 'uuid' }) assignmentId: string;
  @ApiProperty() personnel: ReadinessPersonRefView;
  @ApiProperty() post: ReadinessPostRefView;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ enum: ['amber', 'red'] }) colour: 'amber' | 'red';
  @ApiProperty({ type: ReadinessMissingView, isArray: true }) missing: ReadinessMissingView[];
}

export class ReadinessChecksView {
  @ApiProperty() briefed: boolean;
  @ApiProperty() transported: boolean;
  @ApiProperty() lodged: boolean;
  @ApiProperty() fed: boolean;
}

export class ReadinessAssignmentView {
  @ApiProperty({ format: 'uuid' }) assignmentId: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ format: 'date-time', description: 'Since when this verdict has stood' }) since: string;
  @ApiProperty() personnel: ReadinessPersonRefView;
  @ApiProperty() post: ReadinessPostRefView;
  @ApiProperty({ format: 'uuid' }) districtId: string;
  @ApiProperty({ format: 'uuid' }) tehsilId: string;
  @ApiProperty({ format: 'uuid' }) policeStationId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId: string | null;
  @ApiProperty() phase: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ enum: READINESS_COLOURS }) colour: ReadinessColourName;
  @ApiProperty() checks: ReadinessChecksView;
  @ApiProperty({ type: ReadinessMissingView, isArray: true }) missing: ReadinessMissingView[];
}
