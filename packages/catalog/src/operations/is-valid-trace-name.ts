const TRACE_NAME = /^[A-Za-z][0-9A-Za-z._-]{0,63}$/;

/**
 * Tells whether a string is a valid CTS trace name: 1 to 64 characters of `[0-9A-Za-z._-]`,
 * starting with a letter.
 *
 * @example
 * isValidTraceName("create_content"); // true
 * isValidTraceName("1create"); // false
 */
export function isValidTraceName(name: string): boolean {
  return TRACE_NAME.test(name);
}
