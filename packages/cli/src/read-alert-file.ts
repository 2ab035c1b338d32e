import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";

/** Largest alert file read; the default rule set is about 2 KiB, so anything near this is the wrong file. */
export const MAX_ALERT_FILE_BYTES = 1024 * 1024;

/**
 * Reads the alert file for `sightline alerts`, or says in one line why it cannot, naming the path and the
 * fix: missing, a directory or other non-regular file (a FIFO or `/dev/zero` would never end), larger than
 * `MAX_ALERT_FILE_BYTES` (at most that many bytes are read, whatever the size claims), not UTF-8 text, or empty.
 */
export function readAlertFile(path: string): { text: string } | { error: string } {
  let descriptor: number;
  try {
    // Non-blocking, so that opening a FIFO nobody writes to returns (and is then refused) instead of hanging.
    descriptor = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { error: describeOpenError({ path, error }) };
  }
  try {
    const stats = fstatSync(descriptor);
    if (stats.isDirectory()) {
      return { error: `${path} is a directory, not an alert file; pass the YAML file with --file <path>` };
    }
    if (!stats.isFile()) {
      return { error: `${path} is not a regular file; pass the YAML alert file with --file <path>` };
    }
    const buffer = Buffer.alloc(MAX_ALERT_FILE_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > MAX_ALERT_FILE_BYTES) {
      return {
        error: `${path} is larger than 1 MiB, and an alert file is a few KiB; check that --file names the alert file`,
      };
    }
    const bytes = buffer.subarray(0, length);
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      text = "\0";
    }
    if (text.includes("\0")) {
      return {
        error: `${path} is not a text file (it holds bytes that are not UTF-8 text); pass the YAML alert file with --file <path>`,
      };
    }
    if (text.trim() === "") {
      return {
        error: `${path} is empty; write rules into it, or delete it and run sightline alerts init for the default set`,
      };
    }
    return { text };
  } finally {
    closeSync(descriptor);
  }
}

function describeOpenError(options: { path: string; error: unknown }): string {
  const { path } = options;
  const code = (options.error as { code?: string }).code;
  if (code === "ENOENT") return `${path} not found; create one with sightline alerts init`;
  if (code === "EACCES" || code === "EPERM")
    return `${path} cannot be read (permission denied); check its permissions`;
  if (code === "EISDIR")
    return `${path} is a directory, not an alert file; pass the YAML file with --file <path>`;
  if (code === "ENOTDIR") return `${path} not found (a part of the path is a file, not a directory)`;
  return `${path} cannot be read: ${options.error instanceof Error ? options.error.message : String(options.error)}`;
}
