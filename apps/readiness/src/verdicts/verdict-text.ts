import { toLocalIso } from '@rasad/duty-assignments';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2027-02-08` → `8 Feb`: how an officer writes a day. */
export function dayText(date: string): string {
  const [, month, day] = date.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]}`;
}

/** An instant as the local wall clock: `{date: '2027-02-08', time: '05:30'}`. */
export function localClock(instant: Date, timeZone: string): { date: string; time: string } {
  const local = toLocalIso(instant, timeZone);
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/** `05:30 on 8 Feb`. */
export function clockText(instant: Date, timeZone: string): string {
  const { date, time } = localClock(instant, timeZone);
  return `${time} on ${dayText(date)}`;
}

export const TOPIC_NAMES: Record<string, string> = {
  code_of_conduct: 'code of conduct',
  security_protocol: 'security protocol',
  contingency_plan: 'contingency plan',
  weapons_handling: 'weapons handling',
  first_aid: 'first aid',
  custom: 'custom',
};

export const DIETARY_NAMES: Record<string, string> = {
  vegetarian: 'vegetarian',
  diabetic: 'diabetic',
  no_gluten: 'gluten-free',
  other: 'special-diet',
};
