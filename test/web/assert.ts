/**
 * `node:assert/strict` for the web extension host, which has no Node modules: the browser build of the integration
 * tests (scripts/build.mjs, `--tests`) maps that import here. It implements exactly the functions the shared suites
 * call (ok, equal, notEqual, deepEqual, match, fail) with the strict semantics of Node's module: `Object.is` for
 * equality, and deep equality that compares prototypes, own enumerable keys and values recursively.
 */

export class AssertionError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'AssertionError';
  }
}

function show(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_key, item: unknown) => (item === undefined ? '<undefined>' : item), 2);
    return text === undefined ? String(value) : text.slice(0, 2000);
  } catch {
    return String(value);
  }
}

function failWith(message: string | Error | undefined, fallback: string): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback);
}

export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) failWith(message, `expected a truthy value, got ${show(value)}`);
}

export function fail(message?: string | Error): never {
  failWith(message, 'Failed');
}

export function equal<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected)) failWith(message, `expected ${show(expected)}, got ${show(actual)}`);
}

export function notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) failWith(message, `expected anything but ${show(expected)}`);
}

function isDeepEqual(a: unknown, b: unknown, seen: Map<object, object>): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof RegExp && b instanceof RegExp) return a.source === b.source && a.flags === b.flags;
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [key, value] of a) if (!b.has(key) || !isDeepEqual(value, b.get(key), seen)) return false;
    return true;
  }
  if (a instanceof Set && b instanceof Set) {
    if (a.size !== b.size) return false;
    for (const value of a) if (!b.has(value)) return false;
    return true;
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (const key of keysA) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    if (!isDeepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], seen)) return false;
  }
  return true;
}

export function deepEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!isDeepEqual(actual, expected, new Map())) {
    failWith(message, `expected (deep) ${show(expected)}\ngot ${show(actual)}`);
  }
}

export function match(actual: string, pattern: RegExp, message?: string | Error): void {
  if (typeof actual !== 'string' || !pattern.test(actual)) {
    failWith(message, `expected ${show(actual)} to match ${String(pattern)}`);
  }
}

export { deepEqual as deepStrictEqual, equal as strictEqual, notEqual as notStrictEqual };
