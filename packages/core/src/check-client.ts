import { SightlineError } from "./sightline-error.js";

/**
 * Checks that a wrapper was given an object to wrap, so `observeOpenAI(undefined)` (a client built
 * behind a failed import, a misspelled export) fails at wrap time with a message that says what was
 * expected, instead of a `TypeError` from deep inside the wrapper.
 */
export function checkClient(options: { client: unknown; wrapper: string; expected: string }): void {
  const { client } = options;
  if ((typeof client === "object" && client !== null) || typeof client === "function") return;
  const got =
    client === null
      ? "null"
      : typeof client === "string"
        ? `the string "${client.slice(0, 40)}"`
        : String(client);
  throw new SightlineError({
    message: `${options.wrapper}() needs ${options.expected}, got ${got}. Pass the client instance you call, e.g. ${options.wrapper}(client).`,
  });
}
