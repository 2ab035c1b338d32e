import { asFields } from "@sightline/core/provider";

const ADAPTED = new WeakSet<object>();

/**
 * `chatStream` resolves to Fern's `Stream`, an async iterable without `next()`, and core follows a
 * promise of an async iterator. So, once per client, `chatStream` is made to resolve to the
 * stream's own iterator (`stream[Symbol.asyncIterator]()`: the same events, in order, closed with
 * `return()`), which core then follows. The caller iterates it with `for await` as before; what
 * is lost is the `Stream` object itself (the promise is a plain one, as with every followed
 * promised stream, so `withRawResponse()` is not available on an observed `chatStream`).
 */
export function adaptChatStream(client: unknown): void {
  if (typeof client !== "object" || client === null || ADAPTED.has(client)) return;
  const fields = asFields(client);
  const original = fields.chatStream;
  if (typeof original !== "function") return;
  ADAPTED.add(client);
  fields.chatStream = function chatStream(this: unknown, ...args: unknown[]) {
    return Promise.resolve(original.apply(this, args)).then(toIterator);
  };
}

function toIterator(value: unknown): unknown {
  if (typeof asFields(value).next === "function") return value;
  const iterate = (value as { [Symbol.asyncIterator]?: unknown } | undefined)?.[Symbol.asyncIterator];
  return typeof iterate === "function" ? iterate.call(value) : value;
}
