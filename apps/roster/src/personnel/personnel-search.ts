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
