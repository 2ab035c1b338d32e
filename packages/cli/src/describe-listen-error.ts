/** What to do about the usual reasons a receiver cannot listen; undefined for the rest. */
export function describeListenError(options: {
  code: string | undefined;
  host: string;
  port: number;
}): string | undefined {
  const { host, port } = options;
  switch (options.code) {
    case "EADDRINUSE":
      return `port: ${host}:${port} is already in use (another collector or sightline dev?); stop it or pass --port 0 for a free port.`;
    case "EADDRNOTAVAIL":
      return `host: ${host} is not an address of this machine; use 127.0.0.1 (the default), 0.0.0.0 for every interface, or one of this machine's addresses.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `host: ${host} could not be resolved; give an IP address such as 127.0.0.1 or 0.0.0.0.`;
    case "EACCES":
      return `port: ${port} needs privileges on ${host}; use a port above 1023, e.g. the default 4318.`;
    default:
      return undefined;
  }
}
