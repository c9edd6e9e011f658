/** Every error a service can answer with. The gateway maps each to one HTTP status (see http-status.ts). */
export enum ErrorCode {
  ValidationFailed = 'REQUEST.VALIDATION_FAILED',
  NotFound = 'RECORD.NOT_FOUND',
  ReferenceNotFound = 'RECORD.REFERENCE_NOT_FOUND',
  Duplicate = 'RECORD.DUPLICATE',
  InvalidState = 'RECORD.INVALID_STATE',
  AssignmentOverlap = 'ASSIGNMENT.OVERLAP',
  ImportInvalidRows = 'IMPORT.INVALID_ROWS',
  ImportUnknownBatch = 'IMPORT.UNKNOWN_BATCH',
  BriefingFull = 'BRIEFING.FULL',
  KitchenFull = 'MEAL.KITCHEN_FULL',
  BedTaken = 'ALLOCATION.BED_TAKEN',
  PersonHoused = 'ALLOCATION.PERSON_HOUSED',
  RoomGender = 'ALLOCATION.ROOM_GENDER',
  TripOverlap = 'TRIP.OVERLAP',
  TripFull = 'TRIP.FULL',
  DriverNotLicensed = 'DRIVER.NOT_LICENSED',
  ServiceUnavailable = 'SERVICE.UNAVAILABLE',
  Timeout = 'SERVICE.TIMEOUT',
  Internal = 'SERVICE.INTERNAL',
}

export interface FieldError {
  field: string;
  message: string;
  /** Spreadsheet row number (the header is row 1), for imports. */
  row?: number;
}

/** What crosses NATS when a request fails; plain JSON so it survives serialisation. */
export interface RpcErrorPayload {
  code: ErrorCode;
  message: string;
  errors?: FieldError[];
  details?: Record<string, unknown>;
}

export function isRpcErrorPayload(value: unknown): value is RpcErrorPayload {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const code = (value as { code?: unknown }).code;
  return typeof code === 'string' && (Object.values(ErrorCode) as string[]).includes(code);
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldError[],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(entity: string, id: string): DomainError {
    return new DomainError(ErrorCode.NotFound, `${entity} ${id} not found`, undefined, { entity, id });
  }

  static referenceNotFound(field: string, entity: string, id: string): DomainError {
    return new DomainError(ErrorCode.ReferenceNotFound, `${field}: no ${entity} with id ${id}`, [
      { field, message: `no ${entity} with id ${id}` },
    ]);
  }

  toPayload(): RpcErrorPayload {
    return { code: this.code, message: this.message, errors: this.errors, details: this.details };
  }
}
