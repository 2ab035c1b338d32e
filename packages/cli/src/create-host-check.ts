import { getBindScope } from "./get-bind-scope.js";

/** The names a loopback receiver answers to, as they appear in a Host header (port left off). */
const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

/** The headers the check reads, as Node gives them. */
export interface RequestSourceHeaders {
  /** The `Host` header. */
  host?: string;
  /** The `Origin` header, sent by browsers. */
  origin?: string;
}

/**
 * Creates the check `sightline dev` runs before anything else on a request; it returns why the request is
 * refused (answered 403), or undefined. Bound to loopback (the default), the `Host` must be `localhost`,
 * `127.0.0.1` or `[::1]`, with or without a port: a web page on evil.example whose name is made to resolve to
 * 127.0.0.1 (DNS rebinding) sends `Host: evil.example`. Bound to one other address or name, that name is
 * allowed too. Bound to every interface the sender may use any name the machine has, so `Host` is not checked
 * there. In every case a request with an `Origin` (from a browser) is refused unless that page is itself on an
 * allowed name: exporters in an application's process send no `Origin`.
 */
export function createHostCheck(options: {
  host: string;
  url: string;
}): (headers: RequestSourceHeaders) => string | undefined {
  const scope = getBindScope(options.host);
  const allowed = new Set(LOOPBACK_NAMES);
  if (scope === "specific") allowed.add(toHostName(options.host));
  const names = [...allowed].join(", ");
  return (headers) => {
    if (scope !== "all-interfaces") {
      const host = headers.host;
      if (host === undefined || !allowed.has(stripPort(host.toLowerCase()) ?? "")) {
        return `Host ${host === undefined ? "header missing" : JSON.stringify(host)}: sightline dev only answers to ${names} (with any port), so that a web page cannot reach it through DNS rebinding; send to ${options.url}`;
      }
    }
    if (headers.origin !== undefined && !allowed.has(getOriginHost(headers.origin) ?? "")) {
      return `Origin ${JSON.stringify(headers.origin)}: sightline dev refuses requests from web pages on other sites; export from your application's process (which sends no Origin), or serve the page from ${names}`;
    }
    return undefined;
  };
}

/** A bind address as it appears in a Host header: lower case, IPv6 in brackets. */
function toHostName(host: string): string {
  const name = host.trim().toLowerCase();
  return name.includes(":") && !name.startsWith("[") ? `[${name}]` : name;
}

/** `name` of `name`, `name:port`, `[v6]` or `[v6]:port`; undefined when the port is not a number. */
function stripPort(host: string): string | undefined {
  const match = /^(\[[^\]]*\]|[^:[\]]*)(?::(\d{1,5}))?$/.exec(host);
  return match?.[1];
}

function getOriginHost(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url.hostname : undefined;
  } catch {
    return undefined;
  }
}
