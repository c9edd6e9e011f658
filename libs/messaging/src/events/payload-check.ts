import {
  ValidationArguments,
  ValidationError,
  ValidationTypes,
  getMetadataStorage,
  validateSync,
} from 'class-validator';

/** Answers true only when `validateSync(instance)` would find nothing wrong; false means "ask validateSync". */
type Check = (instance: object) => boolean;
type PropertyCheck = (instance: object) => boolean;
/** A payload class, as class-validator's storage keys it. */
type Target = abstract new (...args: never[]) => unknown;

const storage = getMetadataStorage();
type ValidationMetadata = ReturnType<typeof storage.getTargetValidationMetadatas>[number];
const checks = new Map<Target, Check>();
const refuse: Check = () => false;

/**
 * The consumer's fast path for an event payload: class-validator's own rules for a class (its metadata and each
 * constraint's `validate`, read once through its public storage), run as a closure per property instead of through
 * `validateSync`, whose per-call metadata lookup and error building were about two fifths of a consumer's CPU per
 * event (docs/benchmarks.md, "Consumers"). It mirrors validateSync's default options (no groups, no whitelist,
 * unknown values refused): conditional validation (`IsOptional`, `ValidateIf`), `IsDefined`, custom and built-in
 * constraints with `each`, nested objects and arrays. It never has the last word on a refusal: anything it does not
 * pass (an invalid payload, a promise, a class it cannot compile) goes through validateSync, which decides and
 * words the errors. payload-check.spec.ts holds it to validateSync on generated payloads of every event class.
 */
export function passesValidation(instance: object): boolean {
  return checkFor(instance.constructor as Target)(instance);
}

/**
 * What validateSync would answer for a payload, through the fast path when it passes. With
 * `RASAD_VERIFY_PAYLOAD_CHECK=true` (every e2e suite sets it) a pass is checked by validateSync too, and a
 * disagreement throws, so the suites' real events hold the fast path to class-validator.
 */
export function payloadErrors(instance: object): ValidationError[] {
  if (!passesValidation(instance)) {
    return validateSync(instance);
  }
  if (process.env.RASAD_VERIFY_PAYLOAD_CHECK === 'true') {
    const errors = validateSync(instance);
    if (errors.length > 0) {
      throw new Error(
        `the fast payload check passed a ${instance.constructor.name} that validateSync refuses: ` +
          errors.map((e) => e.property).join(', '),
      );
    }
  }
  return [];
}

function checkFor(target: Target): Check {
  let check = checks.get(target);
  if (!check) {
    // A class that refers to itself through a nested property compiles once: the placeholder defers to the map.
    checks.set(target, (instance) => checks.get(target)!(instance));
    check = compile(target);
    checks.set(target, check);
  }
  return check;
}

function compile(target: Target): Check {
  // validateSync's own selection: no schema name, no `always`, no groups.
  const metadatas = storage.getTargetValidationMetadatas(target, undefined as unknown as string, false, false);
  if (metadatas.length === 0 || metadatas.some((m) => m.type === ValidationTypes.PROMISE_VALIDATION)) {
    return refuse;
  }
  const properties: PropertyCheck[] = [];
  for (const [property, group] of Object.entries(storage.groupByPropertyName(metadatas))) {
    const property_ = propertyCheck(target, property, group);
    if (!property_) {
      return refuse;
    }
    properties.push(property_);
  }
  return (instance) => {
    for (const check of properties) {
      if (!check(instance)) {
        return false;
      }
    }
    return true;
  };
}

function propertyCheck(target: Target, property: string, group: ValidationMetadata[]): PropertyCheck | null {
  const conditions = group
    .filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION)
    .map((m) => m.constraints[0] as (object: object, value: unknown) => boolean);
  const constraints = [
    ...group.filter((m) => m.type === ValidationTypes.IS_DEFINED),
    ...group.filter((m) => m.type === ValidationTypes.CUSTOM_VALIDATION),
  ].map((m) => constraintChecks(target, m));
  if (constraints.some((c) => c === null)) {
    return null;
  }
  const custom = constraints.flat() as ((instance: object, value: unknown) => boolean)[];
  const nested = group.some((m) => m.type === ValidationTypes.NESTED_VALIDATION);
  return (instance) => {
    const value = (instance as Record<string, unknown>)[property];
    for (const condition of conditions) {
      if (!condition(instance, value)) {
        return true;
      }
    }
    for (const check of custom) {
      if (!check(instance, value)) {
        return false;
      }
    }
    return !nested || nestedPasses(value);
  };
}

function constraintChecks(
  target: Target,
  metadata: ValidationMetadata,
): ((instance: object, value: unknown) => boolean)[] | null {
  const constraints = storage.getTargetValidatorConstraints(metadata.constraintCls);
  if (constraints.some((c) => c.async)) {
    return null;
  }
  return constraints.map(({ instance: validator }) => (instance: object, value: unknown) => {
    if (metadata.validateIf && !metadata.validateIf(instance, value)) {
      return true;
    }
    const args: ValidationArguments = {
      targetName: target.name,
      property: metadata.propertyName,
      object: instance,
      value,
      constraints: metadata.constraints,
    };
    if (!metadata.each || !(Array.isArray(value) || value instanceof Set || value instanceof Map)) {
      return validator.validate(value, args) === true;
    }
    for (const item of value instanceof Map ? value.values() : value) {
      if (validator.validate(item, args) !== true) {
        return false;
      }
    }
    return true;
  });
}

/** validateSync's nested rule: undefined passes, arrays item by item, an object by its own class, anything else fails. */
function nestedPasses(value: unknown): boolean {
  if (value === undefined) {
    return true;
  }
  if (Array.isArray(value) || value instanceof Set || value instanceof Map) {
    for (const item of value instanceof Map ? value.values() : value) {
      if (!nestedPasses(item)) {
        return false;
      }
    }
    return true;
  }
  return value instanceof Object && checkFor(value.constructor as Target)(value);
}
