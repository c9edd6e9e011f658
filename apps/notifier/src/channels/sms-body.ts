export interface SmsBodyValues {
  to: string;
  text: string;
  reference: string;
}

/** JSON-escapes a value for use inside a JSON string literal of the template. */
const escape = (value: string) => JSON.stringify(value).slice(1, -1);

/** The SMS gateway's request body: the template with {{to}}, {{text}} and {{reference}} filled in, JSON-escaped. */
export function fillSmsBody(template: string, values: SmsBodyValues): string {
  return template.replace(/\{\{(to|text|reference)\}\}/g, (_match, name: keyof SmsBodyValues) => escape(values[name]));
}

/** At start-up: the template must give valid JSON and carry the text and the recipient. */
export function checkSmsBodyTemplate(template: string): void {
  if (!template.includes('{{text}}') || !template.includes('{{to}}')) {
    throw new Error('Invalid configuration: SMS_BODY_TEMPLATE must contain {{to}} and {{text}}');
  }
  try {
    JSON.parse(fillSmsBody(template, { to: '+923001234567', text: 'a "quoted"\nتجربہ', reference: 'ref' }));
  } catch (error) {
    throw new Error(`Invalid configuration: SMS_BODY_TEMPLATE is not a JSON template: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** "Name: value" → [name, value]. */
export function parseHeader(header: string): [string, string] {
  const at = header.indexOf(':');
  return [header.slice(0, at).trim(), header.slice(at + 1).trim()];
}
