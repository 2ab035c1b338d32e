const WRAPPED = Symbol.for("sightline.wrapped");

/**
 * Replaces `owner[name]` with `wrap(original)` on that object only, unless it is already a
 * Sightline wrapper, so wrapping a client twice never produces two spans per call. Returns false
 * when there was nothing to wrap (an older SDK without that method) or it was already wrapped.
 */
export function wrapMethod<Owner extends object>(options: {
  owner: Owner | undefined;
  name: string;
  wrap: (original: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown;
}): boolean {
  const { owner, name } = options;
  if (!owner) return false;
  const record = owner as Record<string, unknown>;
  const original = record[name];
  if (typeof original !== "function") return false;
  if ((original as unknown as Record<symbol, unknown>)[WRAPPED]) return false;
  const wrapped = options.wrap(original as (...args: unknown[]) => unknown);
  Object.defineProperty(wrapped, WRAPPED, { value: true });
  Object.defineProperty(wrapped, "name", { value: (original as { name: string }).name });
  record[name] = wrapped;
  return true;
}
