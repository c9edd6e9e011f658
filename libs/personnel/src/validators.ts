import { buildMessage, ValidateBy, ValidationOptions } from 'class-validator';
import { isValidCnic } from './cnic';
import { isValidDietaryNeed, KNOWN_DIETARY_NEEDS, OTHER_DIETARY_MAX_LENGTH } from './dietary';
import { isValidPakistanMobile } from './phone';

export const IS_CNIC = 'isCnic';
export const IS_PAKISTAN_MOBILE = 'isPakistanMobile';
export const IS_DIETARY_NEED = 'isDietaryNeed';

export function IsCnic(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_CNIC,
      validator: {
        validate: (value) => isValidCnic(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a CNIC in the form 12345-1234567-1`, options),
      },
    },
    options,
  );
}

export function IsPakistanMobile(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_PAKISTAN_MOBILE,
      validator: {
        validate: (value) => isValidPakistanMobile(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a Pakistani mobile number such as +923001234567`,
          options,
        ),
      },
    },
    options,
  );
}

export function IsDietaryNeed(options?: ValidationOptions): PropertyDecorator {
  const allowed = `${KNOWN_DIETARY_NEEDS.join(', ')} or other:<text of 1-${OTHER_DIETARY_MAX_LENGTH} characters>`;
  return ValidateBy(
    {
      name: IS_DIETARY_NEED,
      validator: {
        validate: (value) => isValidDietaryNeed(value),
        defaultMessage: buildMessage((each) => `${each}$property must be one of ${allowed}`, options),
      },
    },
    options,
  );
}
