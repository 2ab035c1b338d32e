// Credentials in a URL's authority: `scheme://user:password@host`. Used where the text is not a parseable URL.
const USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/?#@\s]*@/gi;
// Shorter values are too likely to match ordinary text (`x-debug=1`) and are rarely secrets.
const SHORTEST_SECRET = 4;

/**
 * Hides the credentials of a URL for anything a person reads (descriptions, logs, error messages):
 * `http://user:secret@host/v1/traces` → `http://***@host/v1/traces`. Other text passes through.
 */
export function redactUrl(url: string): string {
  return url.replace(USERINFO, "$1***@");
}

/**
 * Removes every secret (header values such as API keys) and URL credentials from a text meant for a
 * person, e.g. an export error whose response body echoes the request.
 */
export function redactSecrets(options: { text: string; secrets: readonly string[] }): string {
  let text = redactUrl(options.text);
  // Longest first, so a value containing a shorter secret is hidden whole.
  const secrets = [...new Set(options.secrets)]
    .filter((secret) => secret.length >= SHORTEST_SECRET)
    .sort((left, right) => right.length - left.length);
  for (const secret of secrets) text = text.split(secret).join("***");
  return text;
}

/** The values of headers worth hiding: each whole value, and the credential after a scheme (`Bearer abc…`). */
export function listHeaderSecrets(headers: Record<string, string>): string[] {
  const secrets: string[] = [];
  for (const value of Object.values(headers)) {
    secrets.push(value);
    const credential = /^\s*\S+\s+(\S+)\s*$/.exec(value)?.[1];
    if (credential !== undefined) secrets.push(credential);
  }
  return secrets;
}
