import { CreateTripRequest } from '@rasad/contracts';
import { invalid } from '../shared/records';

export interface PlannedStop {
  position: number;
  postId: string;
  arrivesAt: Date;
  departsAt: Date;
}

export interface TripPlan {
  startsAt: Date;
  endsAt: Date;
  stops: PlannedStop[];
}

/**
 * A trip's window and stops, checked: it ends after it starts, each stop is left no earlier than reached, the stops
 * follow one another in the order given, inside the window, each post once. Anything else is a 400 naming the field.
 */
export function tripPlan(body: Pick<CreateTripRequest, 'startsAt' | 'endsAt' | 'stops'>): TripPlan {
  const startsAt = new Date(body.startsAt);
  const endsAt = new Date(body.endsAt);
  if (endsAt.getTime() <= startsAt.getTime()) {
    throw invalid('endsAt', 'endsAt must be after startsAt');
  }
  const seen = new Set<string>();
  let previous = startsAt;
  const stops = body.stops.map((stop, position): PlannedStop => {
    const field = `stops[${position}]`;
    const arrivesAt = new Date(stop.arrivesAt);
    const departsAt = new Date(stop.departsAt);
    if (seen.has(stop.postId)) {
      throw invalid(`${field}.postId`, `${field}.postId visits post ${stop.postId} a second time`);
    }
    seen.add(stop.postId);
    if (arrivesAt.getTime() < previous.getTime()) {
      const after = position === 0 ? 'the trip starts (startsAt)' : `stops[${position - 1}].departsAt`;
      throw invalid(`${field}.arrivesAt`, `${field}.arrivesAt is before ${after}: stops must be in the order driven`);
    }
    if (departsAt.getTime() < arrivesAt.getTime()) {
      throw invalid(`${field}.departsAt`, `${field}.departsAt must not be before ${field}.arrivesAt`);
    }
    if (departsAt.getTime() > endsAt.getTime()) {
      throw invalid(`${field}.departsAt`, `${field}.departsAt is after the trip ends (endsAt)`);
    }
    previous = departsAt;
    return { position, postId: stop.postId, arrivesAt, departsAt };
  });
  return { startsAt, endsAt, stops };
}
