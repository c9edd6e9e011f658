import { ErrorCode } from './errors';

/** The one place an error code becomes an HTTP status; the switch must stay exhaustive. */
export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.ValidationFailed:
      return 400;
    case ErrorCode.NotFound:
    case ErrorCode.ImportUnknownBatch:
      return 404;
    case ErrorCode.Duplicate:
    case ErrorCode.InvalidState:
    case ErrorCode.AssignmentOverlap:
    case ErrorCode.BriefingFull:
    case ErrorCode.KitchenFull:
    case ErrorCode.BedTaken:
    case ErrorCode.PersonHoused:
    case ErrorCode.RoomGender:
    case ErrorCode.TripOverlap:
    case ErrorCode.TripFull:
      return 409;
    case ErrorCode.ReferenceNotFound:
    case ErrorCode.ImportInvalidRows:
    case ErrorCode.DriverNotLicensed:
      return 422;
    case ErrorCode.ServiceUnavailable:
      return 503;
    case ErrorCode.Timeout:
      return 504;
    case ErrorCode.Internal:
      return 500;
  }
}
