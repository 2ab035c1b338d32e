import { describe, expect, it } from "vitest";
import { listHeaderSecrets, redactSecrets, redactUrl } from "./redact-secrets.js";

describe("redactUrl", () => {
  it("hides user:password, also inside a longer text, and leaves other URLs alone", () => {
    expect(redactUrl("http://user:secret@host:4318/v1/traces?x=1")).toBe(
      "http://***@host:4318/v1/traces?x=1",
    );
    expect(redactUrl("sent to https://token@a.example and http://b.example")).toBe(
      "sent to https://***@a.example and http://b.example",
    );
    expect(redactUrl("http://host/path@not-userinfo")).toBe("http://host/path@not-userinfo");
  });
});

describe("redactSecrets", () => {
  it("hides header values and the credential after an auth scheme", () => {
    const secrets = listHeaderSecrets({ "x-honeycomb-team": "hc-key-123", authorization: "Bearer tok-456" });
    expect(
      redactSecrets({ text: 'denied: key "hc-key-123", got "Bearer tok-456" and tok-456', secrets }),
    ).toBe('denied: key "***", got "***" and ***');
  });

  it("leaves very short values alone: they would match ordinary text", () => {
    expect(redactSecrets({ text: "HTTP 401 on try 1", secrets: ["1"] })).toBe("HTTP 401 on try 1");
  });
});
