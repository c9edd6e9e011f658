/** NATS headers that carry request metadata alongside every payload. */
export const Headers = {
  requestId: 'x-request-id',
  scope: 'x-rasad-districts',
  /** '1' when the caller's role sees CNICs and phone numbers (PII_ROLES); absent otherwise. */
  personalData: 'x-rasad-pii',
} as const;

/** The caller's districts, as the gateway resolved them: `*` for all (admins), else comma-separated ids. */
export const ALL_DISTRICTS = '*';

export interface CallerScope {
  /** null: every district. */
  districtIds: string[] | null;
  /** The caller's role sees CNICs and phone numbers, so may also look people up by them. Absent: it does not. */
  seesPersonalData?: boolean;
}

export function encodeScope(scope: CallerScope): string {
  return scope.districtIds === null ? ALL_DISTRICTS : scope.districtIds.join(',');
}

/**
 * A missing header means no districts: a request that did not come through the gateway sees nothing. Likewise
 * without the personal-data header the caller sees no CNICs.
 */
export function decodeScope(header: string | undefined | null, personalData?: string | null): CallerScope {
  const seesPersonalData = personalData === '1';
  if (header === ALL_DISTRICTS) {
    return { districtIds: null, seesPersonalData };
  }
  return { districtIds: header ? header.split(',').filter(Boolean) : [], seesPersonalData };
}
