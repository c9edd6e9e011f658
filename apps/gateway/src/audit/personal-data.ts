import { redactPersonalData } from '@rasad/messaging';
import { maskCnic, maskPhone } from '@rasad/personnel';

const CNIC_KEY = /cnic/i;
const PHONE_KEY = /phone|mobile|msisdn/i;
const MASKED_PHONE = /^\+92\*{7}\d{3}$/;

/**
 * A copy of any JSON value with every CNIC and phone masked, however deeply it is nested: fields named for them
 * (`cnic`, `phone`, `contactPhone`, lists of them) keep only their last digits, and CNIC- or phone-shaped text
 * inside any other string (an error message, an SMS body) is replaced. For what is stored or shown to people who
 * need no personal data: audit images, dead letters.
 */
export function maskPersonalData(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    if (CNIC_KEY.test(key)) {
      return maskCnic(value);
    }
    if (PHONE_KEY.test(key)) {
      // Already masked (read back from the audit log): masking again would hide the country code too.
      return MASKED_PHONE.test(value) ? value : maskPhone(value);
    }
    return redactPersonalData(value);
  }
  if (Array.isArray(value)) {
    return value.map((item) => maskPersonalData(item, key));
  }
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, maskPersonalData(item, name)]));
  }
  return value;
}
