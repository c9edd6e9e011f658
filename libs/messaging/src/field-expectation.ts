import { getMetadataStorage } from 'class-validator';

type Rule = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

const DESCRIBED = new Set([
  'isString',
  'isLength',
  'minLength',
  'maxLength',
  'isInt',
  'isNumber',
  'min',
  'max',
  'isUUID',
  'isIn',
  'isEnum',
  'isBoolean',
  'isISO8601',
]);

/**
 * What a field takes, in words ("text of 1 to 500 characters", "a whole number from 1 to 500"), read from all its
 * class-validator rules: class-validator's own message names only the first rule that failed. Undefined when the
 * contract wrote its own message (that one stands) or uses a rule this does not know.
 */
export function expectationOf(target: object | undefined, property: string): string | undefined {
  if (!target) {
    return undefined;
  }
  // Asked once per class and field: an import with thousands of bad rows asks the same question each time.
  let known = EXPECTATIONS.get(target.constructor);
  if (!known) {
    known = new Map();
    EXPECTATIONS.set(target.constructor, known);
  }
  if (!known.has(property)) {
    known.set(property, expectationFromRules(target.constructor, property));
  }
  return known.get(property);
}

const EXPECTATIONS = new WeakMap<object, Map<string, string | undefined>>();

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- class-validator keys its metadata by Function
function expectationFromRules(type: Function, property: string): string | undefined {
  const rules = getMetadataStorage()
    .getTargetValidationMetadatas(type, '', true, false)
    .filter((rule) => rule.propertyName === property && rule.type === 'customValidation');
  if (rules.length === 0 || rules.some((rule) => rule.message || rule.each || !DESCRIBED.has(rule.name ?? ''))) {
    return undefined;
  }
  return describe(new Map(rules.map((rule: Rule) => [rule.name!, rule.constraints ?? []])));
}

function describe(rules: Map<string, unknown[]>): string | undefined {
  const first = (name: string) => rules.get(name)?.[0];
  if (rules.has('isIn')) {
    return `one of: ${(first('isIn') as unknown[]).join(', ')}`;
  }
  if (rules.has('isEnum')) {
    return `one of: ${Object.values(first('isEnum') as object).join(', ')}`;
  }
  if (rules.has('isUUID')) {
    return 'a UUID';
  }
  if (rules.has('isBoolean')) {
    return 'true or false';
  }
  if (rules.has('isISO8601')) {
    return 'an ISO 8601 date-time, like 2027-02-08T06:00:00+05:00';
  }
  if (rules.has('isInt') || rules.has('isNumber')) {
    return range(rules.has('isInt') ? 'a whole number' : 'a number', bound(first('min')), bound(first('max')), '');
  }
  if (rules.has('isString')) {
    const [low, high] = rules.get('isLength') ?? [first('minLength'), first('maxLength')];
    return range('text', bound(low), bound(high), ' characters');
  }
  return undefined;
}

function range(kind: string, low: number | undefined, high: number | undefined, unit: string): string {
  if (low !== undefined && high !== undefined) {
    return kind === 'text' ? `${kind} of ${low} to ${high}${unit}` : `${kind} from ${low} to ${high}`;
  }
  if (low !== undefined) {
    return `${kind} of at least ${low}${unit}`;
  }
  if (high !== undefined) {
    return `${kind} of at most ${high}${unit}`;
  }
  return kind;
}

function bound(constraint: unknown): number | undefined {
  return typeof constraint === 'number' ? constraint : undefined;
}
