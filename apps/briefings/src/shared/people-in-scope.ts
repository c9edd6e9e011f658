import { DomainError, ErrorCode } from '@rasad/contracts';

/** A person named in a request body, by id or by the service number on their card. */
export interface PersonRef {
  personnelId?: string;
  serviceNumber?: string;
}

/** A reference and the request field that holds it, for the error that names it. */
export interface NamedRef {
  ref: PersonRef;
  field: string;
}

/**
 * The people these references name, in order, given what `PeopleRepository.resolve` made of them; a 422 naming
 * every reference that names no one in the caller's districts, whether the person does not exist or serves
 * elsewhere (the two must look the same).
 */
export function namedPeople(named: readonly NamedRef[], resolved: readonly (string | null)[]): string[] {
  const errors = named.flatMap(({ ref, field }, n) =>
    resolved[n] === null
      ? [
          {
            field,
            message:
              ref.personnelId !== undefined
                ? `no personnel with id ${ref.personnelId}`
                : `no personnel with service number ${ref.serviceNumber}`,
          },
        ]
      : [],
  );
  if (errors.length > 0) {
    throw new DomainError(
      ErrorCode.ReferenceNotFound,
      errors.map((error) => `${error.field}: ${error.message}`).join('; '),
      errors,
    );
  }
  return resolved as string[];
}
