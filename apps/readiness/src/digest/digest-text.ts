import { ReadinessDigestGapEvent, ReadinessDigestIssuedEvent } from '@rasad/contracts';

export type DigestGap = ReadinessDigestGapEvent;
export type DigestFigures = Pick<
  ReadinessDigestIssuedEvent,
  'districtName' | 'assignments' | 'ready' | 'percentReady' | 'gaps'
>;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2027-02-08` → `8 Feb`. */
function day(date: string): string {
  const [, month, dayOfMonth] = date.split('-').map(Number);
  return `${dayOfMonth} ${MONTHS[month - 1]}`;
}

function lacking(gap: DigestGap): string {
  const on = gap.date ? ` on ${day(gap.date)}` : '';
  switch (gap.kind) {
    case 'briefing':
      return 'not fully briefed';
    case 'outbound':
      return `without a ride to their post${on}`;
    case 'return':
      return `without a ride back${on}`;
    case 'bed':
      return `without a bed on the night of ${gap.date ? day(gap.date) : '?'}`;
    case 'meal':
      return `without ${gap.slot ?? 'a meal'}${on}`;
  }
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * The digest's English, GSM-7 only (one or two SMS parts): "Haripur: 92% ready (1104 of 1200 duties); 41 people at
 * 12 posts without dinner on 8 Feb; …", the gaps in the order given (the biggest first).
 */
export function digestText(figures: DigestFigures): string {
  const head =
    `${figures.districtName ?? 'Your district'}: ${figures.percentReady}% ready ` +
    `(${figures.ready} of ${plural(figures.assignments, 'duty', 'duties')})`;
  if (figures.gaps.length === 0) {
    return `${head}; nothing missing.`;
  }
  const gaps = figures.gaps.map(
    (gap) => `${plural(gap.people, 'person', 'people')} at ${plural(gap.posts, 'post', 'posts')} ${lacking(gap)}`,
  );
  return `${head}; ${gaps.join('; ')}.`;
}
