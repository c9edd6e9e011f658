import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Min,
  ValidateNested,
} from 'class-validator';
import { ATTENDANCE_STATUSES, AttendanceStatus } from './attendance.contract';
import { INVITATION_STATUSES, InvitationStatus } from './invitations.contract';
import { BRIEFING_TOPICS, BriefingTopic, SESSION_STATUSES, SessionStatus } from './sessions.contract';

/** A briefing session as a notice needs it: what, where, when. */
export class BriefingSessionEvent {
  @IsUUID() id: string;
  @IsString() title: string;
  @IsArray() @IsIn(BRIEFING_TOPICS, { each: true }) topics: BriefingTopic[];
  @IsString() venueName: string;
  @IsString() venueAddress: string;
  @IsInt() @Min(1) capacity: number;
  @IsISO8601() startsAt: string;
  @IsISO8601() endsAt: string;
  @IsString() presenter: string;
  @IsUUID() districtId: string;
  @IsIn(SESSION_STATUSES) status: SessionStatus;
  /** iCalendar SEQUENCE: grows with every reschedule or cancel. */
  @IsInt() @Min(0) sequence: number;
}

class PreviousSlot {
  @IsISO8601() startsAt: string;
  @IsISO8601() endsAt: string;
  @IsString() venueName: string;
  @IsString() venueAddress: string;
}

export class SessionRescheduledEvent {
  @ValidateNested() @Type(() => BriefingSessionEvent) session: BriefingSessionEvent;
  @ValidateNested() @Type(() => PreviousSlot) previous: PreviousSlot;
  @IsString() reason: string;
  /** Everyone holding a seat (invited or confirmed) when it moved. */
  @IsArray() @IsUUID('all', { each: true }) personnelIds: string[];
}

export class SessionCancelledEvent {
  @ValidateNested() @Type(() => BriefingSessionEvent) session: BriefingSessionEvent;
  @IsString() reason: string;
  /** Everyone who held a seat; their invitations are cancelled with the session. */
  @IsArray() @IsUUID('all', { each: true }) personnelIds: string[];
}

export class InvitationEvent {
  @IsUUID() invitationId: string;
  @IsUUID() personnelId: string;
  @IsIn(INVITATION_STATUSES) status: InvitationStatus;
  @ValidateNested() @Type(() => BriefingSessionEvent) session: BriefingSessionEvent;
}

export class InvitationCancelledEvent extends InvitationEvent {
  /** declined, cancelled by an officer, duty_cancelled (no qualifying duty left) */
  @IsString() reason: string;
}

class AttendanceEntryEvent {
  @IsUUID() personnelId: string;
  @IsIn(ATTENDANCE_STATUSES) status: AttendanceStatus;
  @IsOptional() @IsISO8601() codeOfConductAcknowledgedAt: string | null;
}

export class AttendanceRecordedEvent {
  @IsUUID() sessionId: string;
  @IsUUID() districtId: string;
  @IsArray() @IsIn(BRIEFING_TOPICS, { each: true }) topics: BriefingTopic[];
  @IsISO8601() endsAt: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => AttendanceEntryEvent) entries: AttendanceEntryEvent[];
}

export class ReminderDueEvent {
  @IsUUID() reminderId: string;
  @IsUUID() invitationId: string;
  @IsUUID() personnelId: string;
  /** How long before the start it was planned for, in seconds (86,400 for the 24-hour reminder). */
  @IsInt() @Min(0) offsetSeconds: number;
  @ValidateNested() @Type(() => BriefingSessionEvent) session: BriefingSessionEvent;
}

/**
 * A person's calendar link was issued: the notifier sends it to them. The URL carries the token, so this event is a
 * working credential until the link is revoked or issued again.
 */
export class CalendarLinkIssuedEvent {
  @IsUUID() personnelId: string;
  /** The district through which the issuing officer reached the person, for scoping the notice. */
  @IsOptional() @IsUUID() districtId?: string;
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }) url: string;
}
