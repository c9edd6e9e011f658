/** The compiler proves every kind is handled; at run time an unknown kind is a bug worth a loud error. */
export function assertNever(value: never): never {
  throw new Error(`no template for ${JSON.stringify(value)}`);
}
