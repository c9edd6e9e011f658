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

export function maskCnic(cnic: string): string {
  return cnic.replace(/\d(?=.*\d)/g, '*');
}
