export const PAKISTAN_MOBILE_E164_PATTERN = /^\+923\d{9}$/;

// Accepts the international (+92, 0092, 92) and trunk (0) prefixes people actually write.
const MOBILE_INPUT = /^(?:\+92|0092|92|0)(3\d{9})$/;
const SEPARATORS = /[\s-]/g;

export function normalizePakistanMobile(input: string): string | null {
  if (typeof input !== 'string') {
    return null;
  }
  const match = MOBILE_INPUT.exec(input.replace(SEPARATORS, ''));
  return match ? `+92${match[1]}` : null;
}

export function isValidPakistanMobile(value: unknown): boolean {
  return typeof value === 'string' && normalizePakistanMobile(value) !== null;
}

export function maskPhone(phone: string): string {
  const canonical = normalizePakistanMobile(phone);
  if (canonical) {
    return `+92${'*'.repeat(7)}${canonical.slice(-3)}`;
  }
  return phone.replace(/\d(?=(?:\D*\d){3})/g, '*');
}
