import {
  DistrictTest,
  ROSTER_TABLES,
  postedIn as postedInTables,
  servingIn as servingInTables,
} from '@rasad/duty-assignments';

/**
 * What lies in a caller's districts, written once: the services' lists and lookups (through restrict()) and both
 * imports (against the batch's districts) ask the same questions with the same SQL, the rule itself shared with the
 * services' projections (`servingIn` and `postedIn` in `@rasad/duty-assignments`).
 */
export type { DistrictTest };

/** For restrict(): `{districts}` stands for the caller's district list. */
export const inCallerDistricts: DistrictTest = (column) => `${column} in {districts}`;

/** Inside an import statement, whose `batch` row carries the districts of the officer who began it. */
export const inBatchDistricts: DistrictTest = (column) => `${column} = any(batch.district_ids)`;

/** A batch begun by an admin (districts null) reaches every district. */
export const batchMayReach = (rule: string) => `(batch.district_ids is null or ${rule})`;

/** Serving in a district: their unit is there, they come from there, or a live duty posts them there. */
export const servingIn = (person: string, isIn: DistrictTest): string => servingInTables(person, isIn, ROSTER_TABLES);

/** A duty lies in the district of its post. */
export const postedIn = (duty: string, isIn: DistrictTest): string => postedInTables(duty, isIn, ROSTER_TABLES);
