/**
 * What lies in a caller's districts, written once: the repositories' lists and lookups (through restrict()) and both
 * imports (against the batch's districts) ask the same questions with the same SQL. A `DistrictTest` turns a
 * district column into the SQL that asks whether it is one of the caller's districts. Read by repositories and the
 * imports' statements only.
 */
export type DistrictTest = (districtColumn: string) => string;

/** For restrict(): `{districts}` stands for the caller's district ids, one uuid[] parameter. */
export const inCallerDistricts: DistrictTest = (column) => `${column} = any({districts})`;

/** Inside an import statement, whose `batch` row carries the districts of the officer who began it. */
export const inBatchDistricts: DistrictTest = (column) => `${column} = any(batch.district_ids)`;

/** A batch begun by an admin (districts null) reaches every district. */
export const batchMayReach = (rule: string) => `(batch.district_ids is null or ${rule})`;

/** Serving in a district: their unit is there, they come from there, or a live duty posts them there. */
export function servingIn(person: string, isIn: DistrictTest): string {
  return `(${isIn(`${person}.home_district_id`)}
    or exists (select 1 from roster.unit serving_unit
               where serving_unit.id = ${person}.unit_id and ${isIn('serving_unit.district_id')})
    or exists (select 1 from roster.duty_assignment serving_duty
               join roster.post serving_post on serving_post.id = serving_duty.post_id
               where serving_duty.personnel_id = ${person}.id and serving_duty.status <> 'cancelled'
                 and ${isIn('serving_post.district_id')}))`;
}

/** A duty lies in the district of its post. */
export function postedIn(duty: string, isIn: DistrictTest): string {
  return `exists (select 1 from roster.post duty_post where duty_post.id = ${duty}.post_id
                  and ${isIn('duty_post.district_id')})`;
}
