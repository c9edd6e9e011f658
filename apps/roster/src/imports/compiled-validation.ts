import { TransformationType } from 'class-transformer';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage, ValidationArguments, ValidationTypes } from 'class-validator';

// class-transformer keeps its metadata store out of its typed entry point (Nest's mapped-types reads it the same way).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: MetadataStorage;
};

/** Says whether a plain object passes every rule of a class; it cannot say what is wrong. */
export type ValidCheck = (object: Record<string, unknown>) => boolean;

interface PropertyCheck {
  property: string;
  /** IsOptional and ValidateIf: when one says no, the property is not validated at all. */
  conditions: ((object: object, value: unknown) => boolean)[];
  rules: {
    each: boolean;
    constraints: unknown[];
    validateIf?: (object: object, value: unknown) => boolean;
    validate: (value: unknown, args: ValidationArguments) => unknown;
  }[];
}

/**
 * The rules class-validator holds for a class, run straight on a plain object without class-transformer or
 * ValidationError objects: a hundred thousand import rows cost seconds through validateSync, and nearly all of
 * them are valid. It answers only "valid or not"; callers send what fails through validateSync for the messages,
 * so both paths share one set of rules (the class's decorators) and one wording. It mirrors ValidationExecutor for
 * validateSync(instance, { whitelist: true, forbidUnknownValues: true }) and returns undefined for a class using
 * anything it does not mirror (nested or async validation, class-transformer metadata), so that callers fall back
 * to validateSync for every object.
 */
export function compileValidation(target: new () => object): ValidCheck | undefined {
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(target, '', false, false);
  if (metadatas.length === 0) {
    return undefined;
  }
  const properties: PropertyCheck[] = [];
  for (const [property, list] of Object.entries(storage.groupByPropertyName(metadatas))) {
    if (hasTransformation(target, property)) {
      return undefined;
    }
    const check: PropertyCheck = { property, conditions: [], rules: [] };
    for (const metadata of list) {
      switch (metadata.type) {
        case ValidationTypes.WHITELIST:
          break;
        case ValidationTypes.CONDITIONAL_VALIDATION:
          check.conditions.push(metadata.constraints[0] as PropertyCheck['conditions'][number]);
          break;
        case ValidationTypes.IS_DEFINED:
        case ValidationTypes.CUSTOM_VALIDATION:
          for (const constraint of storage.getTargetValidatorConstraints(metadata.constraintCls)) {
            if (constraint.async) {
              return undefined;
            }
            const instance = constraint.instance as { validate: PropertyCheck['rules'][number]['validate'] };
            check.rules.push({
              each: metadata.each,
              constraints: metadata.constraints,
              validateIf: metadata.validateIf,
              validate: (value, args) => instance.validate(value, args),
            });
          }
          break;
        default:
          return undefined;
      }
    }
    properties.push(check);
  }
  const known = new Set(properties.map((p) => p.property));
  return (object) => {
    for (const key of Object.keys(object)) {
      if (!known.has(key)) {
        return false;
      }
    }
    return properties.every((check) => passes(check, object, target.name));
  };
}

function passes({ property, conditions, rules }: PropertyCheck, object: Record<string, unknown>, targetName: string) {
  const value = object[property];
  if (!conditions.every((condition) => condition(object, value))) {
    return true;
  }
  for (const rule of rules) {
    if (rule.validateIf && !rule.validateIf(object, value)) {
      continue;
    }
    const args: ValidationArguments = { targetName, property, object, value, constraints: rule.constraints };
    if (rule.each && (value instanceof Set || value instanceof Map)) {
      return false;
    }
    const values = rule.each && Array.isArray(value) ? (value as unknown[]) : [value];
    if (!values.every((item) => rule.validate(item, args) === true)) {
      return false;
    }
  }
  return true;
}

/** plainToInstance would change a value (a @Type, @Transform, @Expose or @Exclude): the fast path cannot follow. */
function hasTransformation(target: new () => object, property: string): boolean {
  return (
    defaultMetadataStorage.findTypeMetadata(target, property) !== undefined ||
    defaultMetadataStorage.findTransformMetadatas(target, property, TransformationType.PLAIN_TO_CLASS).length > 0 ||
    defaultMetadataStorage.findExposeMetadata(target, property) !== undefined ||
    defaultMetadataStorage.findExcludeMetadata(target, property) !== undefined ||
    defaultMetadataStorage.getStrategy(target) !== 'none'
  );
}
