/**
 * Deep copy through JSON, rebuilding every object without a prototype so user-supplied names
 * (categories, signals) can never reach `Object.prototype`.
 */
export function cloneState<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_name, item: unknown) => {
    if (item === null || typeof item !== "object" || Array.isArray(item)) return item;
    return Object.assign(Object.create(null), item);
  }) as T;
}
