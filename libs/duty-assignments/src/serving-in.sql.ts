/**
 * Who serves in a district, and where a duty lies, written once for the roster and for every service's projection
 * of it: the roster's lists, lookups and imports ask these questions of its own tables, briefings and the notifier of
 * their copies (`@rasad/roster-projection`). A `DistrictTest` turns a district column into the SQL that asks
 * whether it is one of the districts in question.
 */
export type DistrictTest = (districtColumn: string) => string;

/** The tables the rule reads: the roster's own, or a projection's in a service's schema. */
export interface ServingTables {
  duty: string;
  post: string;
  /** Units and their districts: the roster's; no projection carries them (no event tells a unit's district). */
  unit?: string;
}

export const ROSTER_TABLES: ServingTables = {
  duty: 'roster.duty_assignment',
  post: 'roster.post',
  unit: 'roster.unit',
};

/** A projection's tables in a service's schema (`@rasad/roster-projection`). */
export const projectionTables = (schema: string): ServingTables => ({ duty: `${schema}.duty`, post: `${schema}.post` });

/**
 * Serving in a district: they come from there, a live duty posts them there, or (where units are known) their unit
 * is there.
 */
export function servingIn(person: string, isIn: DistrictTest, tables: ServingTables): string {
  const byUnit = tables.unit
    ? `
    or exists (select 1 from ${tables.unit} serving_unit
               where serving_unit.id = ${person}.unit_id and ${isIn('serving_unit.district_id')})`
    : '';
  return `(${isIn(`${person}.home_district_id`)}${byUnit}
    or exists (select 1 from ${tables.duty} serving_duty
               join ${tables.post} serving_post on serving_post.id = serving_duty.post_id
               where serving_duty.personnel_id = ${person}.id and serving_duty.status <> 'cancelled'
                 and ${isIn('serving_post.district_id')}))`;
}

/** A duty lies in the district of its post. */
export function postedIn(duty: string, isIn: DistrictTest, tables: Pick<ServingTables, 'post'>): string {
  return `exists (select 1 from ${tables.post} duty_post where duty_post.id = ${duty}.post_id
                  and ${isIn('duty_post.district_id')})`;
}
