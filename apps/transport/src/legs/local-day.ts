import { addDays, startOfLocalDay } from '@rasad/duty-assignments';
import { invalid } from '../shared/records';

export interface LocalDay {
  from: Date;
  to: Date;
}

/** A local day as the instants it runs between, or a 400 naming `date` for a day that does not exist. */
export function localDay(date: string, timeZone: string): LocalDay {
  try {
    return { from: startOfLocalDay(date, timeZone), to: startOfLocalDay(addDays(date, 1), timeZone) };
  } catch {
    throw invalid('date', 'date must be a day that exists, e.g. 2027-02-08');
  }
}
