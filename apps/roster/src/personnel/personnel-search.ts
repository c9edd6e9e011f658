import { CNIC_PATTERN } from '@rasad/personnel';

/**
 * The CNIC a search term names, if it names a whole one (with or without dashes), else null. Only whole CNICs
 * are searched: matching prefixes let anyone who may search recover a CNIC digit by digit from yes/no answers.
 */
export function wholeCnic(term: string): string | null {
  const digits = term.trim().replace(/[\s-]/g, '');
  if (!/^\d{13}$/.test(digits)) {
    return null;
  }
  const cnic = `${digits.slice(0, 5)}-${digits.slice(5, 12)}-${digits.slice(12)}`;
  return CNIC_PATTERN.test(cnic) ? cnic : null;
}

const likeEscaped = (text: string) => text.replace(/[%_\\]/g, '\\$&');

/**
 * A search by service number prefix or part of a name; by whole CNIC too, but only for a caller who sees CNICs
 * (for anyone else a CNIC search would be an oracle for what they are not shown).
 */
export function personnelSearch(term: string, seesPersonalData: boolean): { sql: string; params: string[] } {
  const trimmed = term.trim();
  const cnic = seesPersonalData ? wholeCnic(trimmed) : null;
  const parts = ['p.service_number ilike ?', 'p.name ilike ?'];
  const params = [`${likeEscaped(trimmed)}%`, `%${likeEscaped(trimmed)}%`];
  if (cnic) {
    parts.push('p.cnic = ?');
    params.push(cnic);
  }
  return { sql: `(${parts.join(' or ')})`, params };
}
