import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';

export const DIGEST_GAP_KINDS = ['briefing', 'outbound', 'return', 'bed', 'meal'] as const;
export type DigestGapKind = (typeof DIGEST_GAP_KINDS)[number];

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** People at posts lacking one thing on one local date: a meal slot, a ride there or back, a bed, a briefing. */
export class ReadinessDigestGapEvent {
  @IsIn(DIGEST_GAP_KINDS) kind: DigestGapKind;
  /** The meal slot, for `meal`. */
  @IsOptional() @IsString() slot: string | null;
  /** The local date it is owed on; null for a briefing, owed before any duty. */
  @IsOptional() @Matches(LOCAL_DATE) date: string | null;
  @IsInt() @Min(1) people: number;
  @IsInt() @Min(1) posts: number;
}

/**
 * A district's daily digest, issued once per (district, local date) at the deployment's digest time: its duties, how
 * many are ready, its biggest gap of each check (most people first), and the English text that says so. The
 * notifier sends it to the district's commanders.
 */
export class ReadinessDigestIssuedEvent {
  @IsUUID() digestId: string;
  @IsUUID() districtId: string;
  /** Null when readiness has not heard the district's name from the roster. */
  @IsOptional() @IsString() districtName: string | null;
  /** The local date it is the digest of. */
  @Matches(LOCAL_DATE) date: string;
  /** The instant its figures were read at. */
  @IsISO8601() at: string;
  @IsInt() @Min(0) assignments: number;
  @IsInt() @Min(0) ready: number;
  @IsNumber() percentReady: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ReadinessDigestGapEvent) gaps: ReadinessDigestGapEvent[];
  @IsString() text: string;
}
