/**
 * Whether two plain JSON values are the same as JSON would say: objects compared key by key in any
 * key order, arrays in order, and a key holding undefined the same as a missing key (JSON.stringify
 * drops both). Meant for settings: booleans, numbers, strings, null, nested plain objects and arrays.
 * Other objects are compared by their own enumerable keys, as JSON.stringify would see them.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => jsonEqual(x, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) if (!jsonEqual(ra[k], rb[k])) return false;
  return true;
}
