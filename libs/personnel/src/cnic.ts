export const CNIC_PATTERN = /^\d{5}-\d{7}-\d$/;

// The final digit is a single check/gender digit, so only the two longer groups can be "all zero" placeholders.
const PLACEHOLDER_GROUP = /^0+$/;

export function isValidCnic(value: unknown): boolean {
  if (typeof value !== 'string' || !CNIC_PATTERN.test(value)) {
    return false;
  }
  const [area, serial] = value.split('-');
  return !PLACEHOLDER_GROUP.test(area) && !PLACEHOLDER_GROUP.test(serial);
}

// People write a CNIC as printed (13302-1234567-1), as 13 digits (a spreadsheet drops the dashes), or with spaces.
const SEPARATORS = /[\s-]/g;
const CNIC_DIGITS = /^(\d{5})(\d{7})(\d)$/;

/** The stored 5-7-1 dashed form of a CNIC however it was written, or null when it is not a valid CNIC. */
export function normalizeCnic(input: string): string | null {
  if (typeof input !== 'string') {
    return null;
  }
  const digits = CNIC_DIGITS.exec(input.replace(SEPARATORS, ''));
  const cnic = digits ? `${digits[1]}-${digits[2]}-${digits[3]}` : null;
  return cnic !== null && isValidCnic(cnic) ? cnic : null;
}

export function maskCnic(cnic: string): string {
  return cnic.replace(/\d(?=.*\d)/g, '*');
}
