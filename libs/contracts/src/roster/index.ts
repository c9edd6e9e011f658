import { IdRequest, UpdateRequest } from '../common.dto';
import { Page } from '../pagination';
import { EventPayloadsOf } from '../events/event-map';
import { registerServiceContract } from '../service-contract';
import {
  AssignmentView,
  CancelAssignmentMessage,
  CreateAssignmentRequest,
  ListAssignmentsQuery,
  UpdateAssignmentRequest,
} from './assignments.contract';
import { CreateDistrictRequest, DistrictView, ListDistrictsQuery, UpdateDistrictRequest } from './districts.contract';
import {
  AssignmentCancelledEvent,
  AssignmentChangedEvent,
  AssignmentEvent,
  DistrictEvent,
  PersonnelEvent,
  PostEvent,
} from './events.contract';
import {
  BeginImportReply,
  BeginImportRequest,
  ImportBatchRequest,
  ImportCommitRequest,
  ImportResultView,
  ImportRowsReply,
  ImportRowsRequest,
} from './imports.contract';
import {
  CreatePersonnelRequest,
  DeactivatePersonnelMessage,
  ListPersonnelQuery,
  PersonnelView,
  UpdatePersonnelRequest,
} from './personnel.contract';
import {
  CreatePoliceStationRequest,
  ListPoliceStationsQuery,
  PoliceStationView,
  UpdatePoliceStationRequest,
} from './police-stations.contract';
import { CreatePostRequest, ListPostsQuery, PostView, UpdatePostRequest } from './posts.contract';
import { CreateTehsilRequest, ListTehsilsQuery, TehsilView, UpdateTehsilRequest } from './tehsils.contract';
import { CreateUnitRequest, ListUnitsQuery, UnitView, UpdateUnitRequest } from './units.contract';

export * from './districts.contract';
export * from './tehsils.contract';
export * from './police-stations.contract';
export * from './units.contract';
export * from './posts.contract';
export * from './personnel.contract';
export * from './assignments.contract';
export * from './imports.contract';
export * from './events.contract';

/**
 * Everything the roster shares with its callers, in one folder: its subjects, its parts of the RPC and event maps, its
 * event payloads and its queue group (docs/adding-a-service.md).
 */
export const RosterSubjects = {
  ping: 'roster.health.ping.v1',

  districtCreate: 'roster.district.create.v1',
  districtGet: 'roster.district.get.v1',
  districtList: 'roster.district.list.v1',
  districtUpdate: 'roster.district.update.v1',

  tehsilCreate: 'roster.tehsil.create.v1',
  tehsilGet: 'roster.tehsil.get.v1',
  tehsilList: 'roster.tehsil.list.v1',
  tehsilUpdate: 'roster.tehsil.update.v1',

  policeStationCreate: 'roster.police-station.create.v1',
  policeStationGet: 'roster.police-station.get.v1',
  policeStationList: 'roster.police-station.list.v1',
  policeStationUpdate: 'roster.police-station.update.v1',

  unitCreate: 'roster.unit.create.v1',
  unitGet: 'roster.unit.get.v1',
  unitList: 'roster.unit.list.v1',
  unitUpdate: 'roster.unit.update.v1',

  postCreate: 'roster.post.create.v1',
  postGet: 'roster.post.get.v1',
  postList: 'roster.post.list.v1',
  postUpdate: 'roster.post.update.v1',

  personnelCreate: 'roster.personnel.create.v1',
  personnelGet: 'roster.personnel.get.v1',
  personnelList: 'roster.personnel.list.v1',
  personnelUpdate: 'roster.personnel.update.v1',
  personnelDeactivate: 'roster.personnel.deactivate.v1',
  personnelReactivate: 'roster.personnel.reactivate.v1',

  assignmentCreate: 'roster.assignment.create.v1',
  assignmentGet: 'roster.assignment.get.v1',
  assignmentList: 'roster.assignment.list.v1',
  assignmentUpdate: 'roster.assignment.update.v1',
  assignmentCancel: 'roster.assignment.cancel.v1',

  importBegin: 'roster.import.begin.v1',
  importRows: 'roster.import.rows.v1',
  importCommit: 'roster.import.commit.v1',
  importAbort: 'roster.import.abort.v1',
} as const;

export const RosterEvents = {
  districtCreated: 'evt.roster.district.created.v1',
  districtUpdated: 'evt.roster.district.updated.v1',
  personnelRegistered: 'evt.roster.personnel.registered.v1',
  personnelUpdated: 'evt.roster.personnel.updated.v1',
  postCreated: 'evt.roster.post.created.v1',
  postUpdated: 'evt.roster.post.updated.v1',
  assignmentCreated: 'evt.roster.assignment.created.v1',
  assignmentChanged: 'evt.roster.assignment.changed.v1',
  assignmentCancelled: 'evt.roster.assignment.cancelled.v1',
} as const;

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

declare module '../rpc-map' {
  interface RpcMap {
    [RosterSubjects.districtCreate]: District['create'];
    [RosterSubjects.districtGet]: District['get'];
    [RosterSubjects.districtList]: District['list'];
    [RosterSubjects.districtUpdate]: District['update'];

    [RosterSubjects.tehsilCreate]: Tehsil['create'];
    [RosterSubjects.tehsilGet]: Tehsil['get'];
    [RosterSubjects.tehsilList]: Tehsil['list'];
    [RosterSubjects.tehsilUpdate]: Tehsil['update'];

    [RosterSubjects.policeStationCreate]: Station['create'];
    [RosterSubjects.policeStationGet]: Station['get'];
    [RosterSubjects.policeStationList]: Station['list'];
    [RosterSubjects.policeStationUpdate]: Station['update'];

    [RosterSubjects.unitCreate]: Unit['create'];
    [RosterSubjects.unitGet]: Unit['get'];
    [RosterSubjects.unitList]: Unit['list'];
    [RosterSubjects.unitUpdate]: Unit['update'];

    [RosterSubjects.postCreate]: Post['create'];
    [RosterSubjects.postGet]: Post['get'];
    [RosterSubjects.postList]: Post['list'];
    [RosterSubjects.postUpdate]: Post['update'];

    [RosterSubjects.personnelCreate]: Personnel['create'];
    [RosterSubjects.personnelGet]: Personnel['get'];
    [RosterSubjects.personnelList]: Personnel['list'];
    [RosterSubjects.personnelUpdate]: Personnel['update'];
    [RosterSubjects.personnelDeactivate]: { request: DeactivatePersonnelMessage; reply: PersonnelView };
    [RosterSubjects.personnelReactivate]: { request: IdRequest; reply: PersonnelView };

    [RosterSubjects.assignmentCreate]: Assignment['create'];
    [RosterSubjects.assignmentGet]: Assignment['get'];
    [RosterSubjects.assignmentList]: Assignment['list'];
    [RosterSubjects.assignmentUpdate]: Assignment['update'];
    [RosterSubjects.assignmentCancel]: { request: CancelAssignmentMessage; reply: AssignmentView };

    [RosterSubjects.importBegin]: { request: BeginImportRequest; reply: BeginImportReply };
    [RosterSubjects.importRows]: { request: ImportRowsRequest; reply: ImportRowsReply };
    [RosterSubjects.importCommit]: { request: ImportCommitRequest; reply: ImportResultView };
    [RosterSubjects.importAbort]: { request: ImportBatchRequest; reply: { aborted: boolean } };
  }
}

/** Each event's payload class: consumers validate the event by it, and its instances are the event's type. */
const rosterEventClasses = {
  [RosterEvents.districtCreated]: DistrictEvent,
  [RosterEvents.districtUpdated]: DistrictEvent,
  [RosterEvents.personnelRegistered]: PersonnelEvent,
  [RosterEvents.personnelUpdated]: PersonnelEvent,
  [RosterEvents.postCreated]: PostEvent,
  [RosterEvents.postUpdated]: PostEvent,
  [RosterEvents.assignmentCreated]: AssignmentEvent,
  [RosterEvents.assignmentChanged]: AssignmentChangedEvent,
  [RosterEvents.assignmentCancelled]: AssignmentCancelledEvent,
};

declare module '../events/event-map' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface EventMap extends EventPayloadsOf<typeof rosterEventClasses> {}
}

registerServiceContract({ service: 'roster', queue: 'roster', events: rosterEventClasses });
