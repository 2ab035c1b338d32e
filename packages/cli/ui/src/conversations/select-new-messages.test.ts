import { describe, expect, it } from "vitest";
import type { ContentMessage } from "../content/parse-content-messages.js";
import { messageKey, selectNewMessages } from "./select-new-messages.js";

const message = (role: string, content: string): ContentMessage => ({
  role,
  name: null,
  parts: [{ type: "text", content }],
  finishReason: null,
});

describe("selectNewMessages", () => {
  it("skips the history a call resends", () => {
    const shown = [message("user", "hi"), message("assistant", "hello")].map(messageKey);
    const input = [message("user", "hi"), message("assistant", "hello"), message("user", "and now?")];
    expect(selectNewMessages({ shown, input })).toEqual({ messages: [input[2]], skipped: 2 });
  });

  it("keeps everything when the call does not continue the transcript", () => {
    const shown = [message("user", "hi")].map(messageKey);
    const input = [message("user", "other")];
    expect(selectNewMessages({ shown, input })).toEqual({ messages: input, skipped: 0 });
  });
});
