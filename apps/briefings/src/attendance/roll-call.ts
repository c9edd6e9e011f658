import { AttendanceStatus, DomainError, ErrorCode, FieldError, RollCallEntry } from '@rasad/contracts';
import { NamedRef } from '../shared/people-in-scope';

export interface AttendanceEntry {
  personnelId: string;
  status: AttendanceStatus;
  codeOfConductAcknowledgedAt: string | null;
}

/**
 * Who each entry names, by id or by service number, and the field that names them; an entry naming neither is
 * refused by validation, one naming both is answered here (400) rather than trusting either.
 */
export function rollCallPeople(entries: RollCallEntry[]): NamedRef[] {
  const errors: FieldError[] = entries.flatMap((entry, index) =>
    entry.personnelId !== undefined && entry.serviceNumber !== undefined
      ? [{ field: `entries[${index}].serviceNumber`, message: 'give personnelId or serviceNumber, not both' }]
      : [],
  );
  if (errors.length > 0) {
    throw new DomainError(ErrorCode.ValidationFailed, errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  }
  return entries.map((entry, index) =>
    entry.personnelId !== undefined
      ? { ref: { personnelId: entry.personnelId }, field: `entries[${index}].personnelId` }
      : { ref: { serviceNumber: entry.serviceNumber }, field: `entries[${index}].serviceNumber` },
  );
}

/**
 * A roll call's entries as they are stored: the acknowledgement time is the one given or the time of recording,
 * and only someone present can acknowledge. Every mistake is named by its entry (400), and nothing is written.
 */
export function rollCallEntries(
  entries: (RollCallEntry & { personnelId: string })[],
  recordedAt: Date,
): AttendanceEntry[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const result = entries.map((entry, index): AttendanceEntry => {
    const field = `entries[${index}]`;
    if (seen.has(entry.personnelId)) {
      const named = entry.serviceNumber !== undefined ? 'serviceNumber' : 'personnelId';
      errors.push({ field: `${field}.${named}`, message: `${entry.personnelId} appears more than once` });
    }
    seen.add(entry.personnelId);
    const acknowledged = entry.codeOfConductAcknowledged === true;
    if (acknowledged && entry.status !== 'present') {
      errors.push({
        field: `${field}.codeOfConductAcknowledged`,
        message: `only someone present can acknowledge the code of conduct (status is ${entry.status})`,
      });
    }
    if (entry.acknowledgedAt !== undefined && !acknowledged) {
      errors.push({
        field: `${field}.acknowledgedAt`,
        message: 'acknowledgedAt needs codeOfConductAcknowledged: true',
      });
    }
    const at = acknowledged ? new Date(entry.acknowledgedAt ?? recordedAt) : null;
    if (at && at.getTime() > recordedAt.getTime()) {
      errors.push({ field: `${field}.acknowledgedAt`, message: 'acknowledgedAt must not be in the future' });
    }
    return {
      personnelId: entry.personnelId,
      status: entry.status,
      codeOfConductAcknowledgedAt: at?.toISOString() ?? null,
    };
  });
  if (errors.length > 0) {
    throw new DomainError(ErrorCode.ValidationFailed, errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  }
  return result;
}
