/** NATS headers that carry request metadata alongside every payload. */
export const Headers = {
  requestId: 'x-request-id',
  scope: 'x-rasad-districts',
} as const;

/** The caller's districts, as the gateway resolved them: `*` for all (admins), else comma-separated ids. */
export const ALL_DISTRICTS = '*';

export interface CallerScope {
  /** null: every district. */
  districtIds: string[] | null;
}

export function encodeScope(scope: CallerScope): string {
  return scope.districtIds === null ? ALL_DISTRICTS : scope.districtIds.join(',');
}

/** A missing header means no districts: a request that did not come through the gateway sees nothing. */
export function decodeScope(header: string | undefined | null): CallerScope {
  if (header === ALL_DISTRICTS) {
    return { districtIds: null };
  }
  return { districtIds: header ? header.split(',').filter(Boolean) : [] };
}
