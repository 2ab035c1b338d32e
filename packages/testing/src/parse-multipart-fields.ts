/**
 * The text fields of a `multipart/form-data` body (file parts are skipped), for the routes that take
 * uploads (`/audio/transcriptions`, `/images/edits`). Repeated fields keep their last value.
 */
export function parseMultipartFields(options: {
  body: unknown;
  contentType: string | undefined;
}): Record<string, string> {
  const fields: Record<string, string> = {};
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(options.contentType ?? "");
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker || typeof options.body !== "string") return fields;
  for (const part of options.body.split(`--${marker}`)) {
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd < 0) continue;
    const headers = part.slice(0, headerEnd);
    if (/filename=/i.test(headers)) continue;
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined) continue;
    fields[name] = part.slice(headerEnd + 4).replace(/\r\n$/, "");
  }
  return fields;
}
