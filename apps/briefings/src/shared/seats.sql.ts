/**
 * Invitation statuses that hold a seat (`SEATED_INVITATION_STATUSES`), as SQL, for the statements of briefings'
 * repositories; nothing else reads it.
 */
export const SEATED_SQL = `('invited', 'confirmed')`;
