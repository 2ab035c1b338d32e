import { SightlineError } from "@sightline/core";
import { redactUrl } from "./redact-secrets.js";

/** An OTLP/HTTP endpoint, checked and split into what is sent and what is shown. */
export interface OtlpEndpoint {
  /** The URL requests go to, without credentials. */
  url: string;
  /** The URL for people to read: credentials shown as `***`. */
  displayUrl: string;
  /** `Basic …` built from `user:password@` in the URL, if it had any. */
  authorization: string | undefined;
}

// The authority of `scheme://authority/…`; the WHATWG parser would read `http:///v1/traces` as host "v1".
const AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i;

/**
 * Checks an OTLP/HTTP URL and, when `signal` is given, treats it as a base URL and appends
 * `/v1/<signal>` to its path, keeping the query (`…/otlp?x=1` → `…/otlp/v1/traces?x=1`), as the OTLP
 * exporter spec says. Credentials in the URL (`https://user:token@host`) become a Basic `authorization`
 * header, the way curl and `node:http` send them, and never appear in `url` or `displayUrl`.
 * Throws a `SightlineError` naming `source` and the fix.
 */
export function parseOtlpEndpoint(options: {
  value: string;
  source: string;
  signal?: "traces" | "metrics";
}): OtlpEndpoint {
  const shown = redactUrl(options.value);
  const authority = AUTHORITY.exec(options.value)?.[1];
  const host = authority?.slice(authority.lastIndexOf("@") + 1);
  if (host === "" || host?.startsWith(":")) {
    throw new SightlineError({
      message: `${options.source}: "${shown}" has no host; use e.g. "http://localhost:4318" (OTLP/HTTP).`,
    });
  }
  let url: URL | undefined;
  try {
    url = new URL(options.value);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new SightlineError({
      message: `${options.source}: "${shown}" is not an http(s) URL; use e.g. "http://localhost:4318" (OTLP/HTTP).`,
    });
  }
  if (options.signal !== undefined) {
    url.pathname = `${url.pathname.replace(/\/+$/, "")}/v1/${options.signal}`;
  }
  const displayUrl = redactUrl(url.href);
  let authorization: string | undefined;
  if (url.username !== "" || url.password !== "") {
    const credentials = `${decode(url.username)}:${decode(url.password)}`;
    authorization = `Basic ${Buffer.from(credentials).toString("base64")}`;
    url.username = "";
    url.password = "";
  }
  return { url: url.href, displayUrl, authorization };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A lone "%" is taken literally, as curl does.
    return text;
  }
}
