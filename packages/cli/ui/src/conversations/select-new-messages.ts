import type { ContentMessage } from "../content/parse-content-messages.js";

/**
 * The input messages of a call that the transcript has not shown yet. Each call of a conversation
 * usually resends the whole history, so the longest prefix equal to the transcript so far is skipped;
 * when the call does not continue it (a new branch, trimmed history), all of its input is new.
 * @example selectNewMessages({ shown, input }).skipped; // how many repeated messages were hidden
 */
export function selectNewMessages(options: { shown: readonly string[]; input: readonly ContentMessage[] }): {
  messages: ContentMessage[];
  skipped: number;
} {
  const { shown, input } = options;
  let skipped = 0;
  while (skipped < input.length && skipped < shown.length && messageKey(input[skipped]!) === shown[skipped])
    skipped += 1;
  return { messages: input.slice(skipped), skipped };
}

/** A comparable key of a message (role, name and parts). */
export function messageKey(message: ContentMessage): string {
  return JSON.stringify([message.role, message.name, message.parts]);
}
