import { AttendanceStatus, DomainError, ErrorCode, FieldError, RollCallEntry } from '@rasad/contracts';

export interface AttendanceEntry {
  personnelId: string;
  status: AttendanceStatus;
  codeOfConductAcknowledgedAt: string | null;
}

/**
 * A roll call's entries as they are stored: the acknowledgement time is the one given or the time of recording,
 * and only someone present can acknowledge. Every mistake is named by its entry (400), and nothing is written.
 */
export function rollCallEntries(entries: RollCallEntry[], recordedAt: Date): AttendanceEntry[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const result = entries.map((entry, index): AttendanceEntry => {
    const field = `entries[${index}]`;
    if (seen.has(entry.personnelId)) {
      errors.push({ field: `${field}.personnelId`, message: `${entry.personnelId} appears more than once` });
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
