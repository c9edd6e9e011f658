/** Every request-reply subject: `<service>.<resource>.<action>.v1`. */
export const Subjects = {
  rosterPing: 'roster.health.ping.v1',

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

  briefingsPing: 'briefings.health.ping.v1',
  sessionCreate: 'briefings.session.create.v1',
  sessionGet: 'briefings.session.get.v1',
  sessionList: 'briefings.session.list.v1',
  sessionReschedule: 'briefings.session.reschedule.v1',
  sessionCancel: 'briefings.session.cancel.v1',
  sessionComplete: 'briefings.session.complete.v1',
  sessionFill: 'briefings.session.fill.v1',
  invitationCreate: 'briefings.invitation.create.v1',
  invitationList: 'briefings.invitation.list.v1',
  invitationAnswer: 'briefings.invitation.answer.v1',
  attendanceRecord: 'briefings.attendance.record.v1',
  attendanceList: 'briefings.attendance.list.v1',
  attendedTopics: 'briefings.attendance.topics.v1',
  calendarDistrict: 'briefings.calendar.district.v1',
  calendarPersonal: 'briefings.calendar.personal.v1',
  calendarLinkIssue: 'briefings.calendar-link.issue.v1',
  calendarLinkRevoke: 'briefings.calendar-link.revoke.v1',

  notifierPing: 'notifier.health.ping.v1',
  notificationList: 'notifier.notification.list.v1',
  noticeChannelSet: 'notifier.channel.set.v1',
  noticeChannelGet: 'notifier.channel.get.v1',
} as const;

export type Subject = (typeof Subjects)[keyof typeof Subjects];

/** Queue group per service, so replicas share the load. */
export const QueueGroups = {
  roster: 'roster',
  briefings: 'briefings',
  notifier: 'notifier',
} as const;
