/** Small helpers for the model's lists and indexes. */

/** Sorts dates (`YYYY-MM-DD`) newest first, undated last. */
export const newestFirst = (a: string | undefined, b: string | undefined): number =>
  a === b ? 0 : a === undefined ? 1 : b === undefined ? -1 : a < b ? 1 : -1;

/** Same length, same items in the same order (by identity). */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Appends `value` to the list under `key`, starting the list if there is none. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
