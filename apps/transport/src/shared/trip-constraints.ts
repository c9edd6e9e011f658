import { PgErrorCode, pgConstraint, pgErrorCode } from '@rasad/common';

/** The constraints of the base migration that concurrent writers can run into, and what each one guards. */
export const TripConstraint = {
  vehicleOverlap: 'trip_vehicle_no_overlap',
  driverOverlap: 'trip_driver_no_overlap',
  personOverlap: 'manifest_person_no_overlap',
  seats: 'trip_seats_within_vehicle',
} as const;

export type TripConstraintName = (typeof TripConstraint)[keyof typeof TripConstraint];

/** Which of them refused the statement, if one did. */
export function violatedTripConstraint(error: unknown): TripConstraintName | undefined {
  const code = pgErrorCode(error);
  if (code !== PgErrorCode.exclusionViolation && code !== PgErrorCode.checkViolation) {
    return undefined;
  }
  const constraint = pgConstraint(error);
  return (Object.values(TripConstraint) as string[]).includes(constraint ?? '')
    ? (constraint as TripConstraintName)
    : undefined;
}
