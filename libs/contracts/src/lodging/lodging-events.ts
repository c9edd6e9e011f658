import { IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { RELEASE_REASONS, ReleaseReason } from './allocations.contract';

export const LodgingEvents = {
  allocationCreated: 'evt.lodging.allocation.created.v1',
  allocationReleased: 'evt.lodging.allocation.released.v1',
  allocationCheckedIn: 'evt.lodging.allocation.checked-in.v1',
  allocationCheckedOut: 'evt.lodging.allocation.checked-out.v1',
} as const;

/** An allocation as readiness and the notifier need it: whose, where (for the notice), which nights it holds. */
export class AllocationEvent {
  @IsUUID() id: string;
  @IsUUID() personnelId: string;
  @IsUUID() districtId: string;
  @IsUUID() siteId: string;
  @IsString() siteName: string;
  @IsString() address: string;
  @IsString() roomName: string;
  @IsString() bedLabel: string;
  /** The nights still held, as local dates. */
  @IsArray() @IsString({ each: true }) nights: string[];
}

export class AllocationReleasedEvent {
  @ValidateNested() @Type(() => AllocationEvent) allocation: AllocationEvent;
  /** The nights given back by this release. */
  @IsArray() @IsString({ each: true }) released: string[];
  @IsIn(RELEASE_REASONS) reason: ReleaseReason;
  /** The officer's words, for a release by hand. */
  @IsOptional() @IsString() note: string | null;
}

export class AllocationStayEvent {
  @ValidateNested() @Type(() => AllocationEvent) allocation: AllocationEvent;
  @IsISO8601() at: string;
}

/** Subject to payload class, for the outbox's typed map and for consumers' validation. */
export const LodgingEventPayloads = {
  [LodgingEvents.allocationCreated]: AllocationEvent,
  [LodgingEvents.allocationReleased]: AllocationReleasedEvent,
  [LodgingEvents.allocationCheckedIn]: AllocationStayEvent,
  [LodgingEvents.allocationCheckedOut]: AllocationStayEvent,
} as const;
