import { IdRequest, PersonnelIdRequest, UpdateRequest } from './common.dto';
import { Page } from './pagination';
import { Subjects } from './subjects';
import {
  AttendanceListItemView,
  AttendedTopicsQuery,
  AttendedTopicsView,
  ListAttendanceMessage,
  RollCallMessage,
  RollCallResultView,
} from './briefings/attendance.contract';
import {
  CalendarFeedReply,
  CalendarLinkIssueMessage,
  CalendarLinkRequest,
  CalendarLinkView,
  DistrictCalendarQuery,
  PersonalCalendarRequest,
} from './briefings/calendar.contract';
import {
  AnswerInvitationMessage,
  FillResultView,
  FillSessionMessage,
  InvitationView,
  InviteMessage,
  ListInvitationsMessage,
} from './briefings/invitations.contract';
import {
  CancelSessionMessage,
  CreateSessionRequest,
  ListSessionsQuery,
  RescheduleResultView,
  RescheduleSessionMessage,
  SessionView,
} from './briefings/sessions.contract';
import {
  ListNotificationsQuery,
  NoticeChannelView,
  NotificationView,
  SetNoticeChannelMessage,
} from './notifier/notifications.contract';
import { ConsumerStatusView } from './events/consumer-status.contract';
import { DeadLetterView, ListDeadLettersQuery } from './events/dead-letters.contract';
import {
  AssignmentView,
  CancelAssignmentMessage,
  CreateAssignmentRequest,
  ListAssignmentsQuery,
  UpdateAssignmentRequest,
} from './roster/assignments.contract';
import {
  CreateDistrictRequest,
  DistrictView,
  ListDistrictsQuery,
  UpdateDistrictRequest,
} from './roster/districts.contract';
import {
  BeginImportReply,
  BeginImportRequest,
  ImportBatchRequest,
  ImportCommitRequest,
  ImportResultView,
  ImportRowsReply,
  ImportRowsRequest,
} from './roster/imports.contract';
import {
  CreatePersonnelRequest,
  DeactivatePersonnelMessage,
  ListPersonnelQuery,
  PersonnelView,
  UpdatePersonnelRequest,
} from './roster/personnel.contract';
import {
  CreatePoliceStationRequest,
  ListPoliceStationsQuery,
  PoliceStationView,
  UpdatePoliceStationRequest,
} from './roster/police-stations.contract';
import { CreatePostRequest, ListPostsQuery, PostView, UpdatePostRequest } from './roster/posts.contract';
import { CreateTehsilRequest, ListTehsilsQuery, TehsilView, UpdateTehsilRequest } from './roster/tehsils.contract';
import { CreateUnitRequest, ListUnitsQuery, UnitView, UpdateUnitRequest } from './roster/units.contract';

export interface PingReply {
  service: string;
  database: 'up' | 'down';
}

interface Crud<Create, Update, Query, View> {
  create: { request: Create; reply: View };
  get: { request: IdRequest; reply: View };
  list: { request: Query; reply: Page<View> };
  update: { request: UpdateRequest<Update>; reply: View };
}

type District = Crud<CreateDistrictRequest, UpdateDistrictRequest, ListDistrictsQuery, DistrictView>;
type Tehsil = Crud<CreateTehsilRequest, UpdateTehsilRequest, ListTehsilsQuery, TehsilView>;
type Station = Crud<CreatePoliceStationRequest, UpdatePoliceStationRequest, ListPoliceStationsQuery, PoliceStationView>;
type Unit = Crud<CreateUnitRequest, UpdateUnitRequest, ListUnitsQuery, UnitView>;
type Post = Crud<CreatePostRequest, UpdatePostRequest, ListPostsQuery, PostView>;
type Personnel = Crud<CreatePersonnelRequest, UpdatePersonnelRequest, ListPersonnelQuery, PersonnelView>;
type Assignment = Crud<CreateAssignmentRequest, UpdateAssignmentRequest, ListAssignmentsQuery, AssignmentView>;

/** Subject to request and reply: a wrong payload or reply type does not compile. */
export interface RpcMap {
  [Subjects.rosterPing]: { request: Record<string, never>; reply: PingReply };

  [Subjects.districtCreate]: District['create'];
  [Subjects.districtGet]: District['get'];
  [Subjects.districtList]: District['list'];
  [Subjects.districtUpdate]: District['update'];

  [Subjects.tehsilCreate]: Tehsil['create'];
  [Subjects.tehsilGet]: Tehsil['get'];
  [Subjects.tehsilList]: Tehsil['list'];
  [Subjects.tehsilUpdate]: Tehsil['update'];

  [Subjects.policeStationCreate]: Station['create'];
  [Subjects.policeStationGet]: Station['get'];
  [Subjects.policeStationList]: Station['list'];
  [Subjects.policeStationUpdate]: Station['update'];

  [Subjects.unitCreate]: Unit['create'];
  [Subjects.unitGet]: Unit['get'];
  [Subjects.unitList]: Unit['list'];
  [Subjects.unitUpdate]: Unit['update'];

  [Subjects.postCreate]: Post['create'];
  [Subjects.postGet]: Post['get'];
  [Subjects.postList]: Post['list'];
  [Subjects.postUpdate]: Post['update'];

  [Subjects.personnelCreate]: Personnel['create'];
  [Subjects.personnelGet]: Personnel['get'];
  [Subjects.personnelList]: Personnel['list'];
  [Subjects.personnelUpdate]: Personnel['update'];
  [Subjects.personnelDeactivate]: { request: DeactivatePersonnelMessage; reply: PersonnelView };
  [Subjects.personnelReactivate]: { request: IdRequest; reply: PersonnelView };

  [Subjects.assignmentCreate]: Assignment['create'];
  [Subjects.assignmentGet]: Assignment['get'];
  [Subjects.assignmentList]: Assignment['list'];
  [Subjects.assignmentUpdate]: Assignment['update'];
  [Subjects.assignmentCancel]: { request: CancelAssignmentMessage; reply: AssignmentView };

  [Subjects.importBegin]: { request: BeginImportRequest; reply: BeginImportReply };
  [Subjects.importRows]: { request: ImportRowsRequest; reply: ImportRowsReply };
  [Subjects.importCommit]: { request: ImportCommitRequest; reply: ImportResultView };
  [Subjects.importAbort]: { request: ImportBatchRequest; reply: { aborted: boolean } };

  [Subjects.briefingsPing]: { request: Record<string, never>; reply: PingReply };
  [Subjects.sessionCreate]: { request: CreateSessionRequest; reply: SessionView };
  [Subjects.sessionGet]: { request: IdRequest; reply: SessionView };
  [Subjects.sessionList]: { request: ListSessionsQuery; reply: Page<SessionView> };
  [Subjects.sessionReschedule]: { request: RescheduleSessionMessage; reply: RescheduleResultView };
  [Subjects.sessionCancel]: { request: CancelSessionMessage; reply: SessionView };
  [Subjects.sessionComplete]: { request: IdRequest; reply: SessionView };
  [Subjects.sessionFill]: { request: FillSessionMessage; reply: FillResultView };
  [Subjects.invitationCreate]: { request: InviteMessage; reply: InvitationView[] };
  [Subjects.invitationList]: { request: ListInvitationsMessage; reply: Page<InvitationView> };
  [Subjects.invitationAnswer]: { request: AnswerInvitationMessage; reply: InvitationView };
  [Subjects.attendanceRecord]: { request: RollCallMessage; reply: RollCallResultView };
  [Subjects.attendanceList]: { request: ListAttendanceMessage; reply: Page<AttendanceListItemView> };
  [Subjects.attendedTopics]: { request: AttendedTopicsQuery; reply: AttendedTopicsView };
  [Subjects.calendarDistrict]: { request: DistrictCalendarQuery; reply: CalendarFeedReply };
  [Subjects.calendarPersonal]: { request: PersonalCalendarRequest; reply: CalendarFeedReply };
  [Subjects.calendarLinkIssue]: { request: CalendarLinkIssueMessage; reply: CalendarLinkView };
  [Subjects.calendarLinkRevoke]: { request: CalendarLinkRequest; reply: { revoked: boolean } };

  [Subjects.notifierPing]: { request: Record<string, never>; reply: PingReply };
  [Subjects.notificationList]: { request: ListNotificationsQuery; reply: Page<NotificationView> };
  [Subjects.noticeChannelSet]: { request: SetNoticeChannelMessage; reply: NoticeChannelView };
  [Subjects.noticeChannelGet]: { request: PersonnelIdRequest; reply: NoticeChannelView };

  [ping: `${string}.health.ping.v1`]: { request: Record<string, never>; reply: PingReply };
  [list: `${string}.dead-letter.list.v1`]: { request: ListDeadLettersQuery; reply: Page<DeadLetterView> };
  [replay: `${string}.dead-letter.replay.v1`]: { request: IdRequest; reply: DeadLetterView };
  [status: `${string}.consumer.status.v1`]: { request: Record<string, never>; reply: ConsumerStatusView };
}

export type RpcSubject = keyof RpcMap;
export type RpcRequest<S extends RpcSubject> = RpcMap[S]['request'];
export type RpcReply<S extends RpcSubject> = RpcMap[S]['reply'];
