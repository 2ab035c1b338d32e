/**
 * Who can reach a receiver bound to an address: only this machine (`loopback`), every network the machine is
 * on (`all-interfaces`: `0.0.0.0`, `::`), or whoever can reach that one address or host name (`specific`).
 */
export type BindScope = "loopback" | "all-interfaces" | "specific";

const ALL_INTERFACES = new Set(["", "0.0.0.0", "::", "0:0:0:0:0:0:0:0"]);
const LOOPBACK = /^(?:localhost\.?|127(?:\.\d{1,3}){3}|::1|0:0:0:0:0:0:0:1|::ffff:127(?:\.\d{1,3}){3})$/;

/** The scope of a `--host` value; brackets around an IPv6 address and letter case do not matter. */
export function getBindScope(host: string): BindScope {
  const address = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1");
  if (ALL_INTERFACES.has(address)) return "all-interfaces";
  return LOOPBACK.test(address) ? "loopback" : "specific";
}
