import { checkIban } from "./check-iban.js";
import { checkIpV6 } from "./check-ip-v6.js";
import { checkLuhn } from "./check-luhn.js";

/**
 * A built-in detector; `hint` is a substring every match contains, checked first because
 * `includes` is far cheaper than a regex scan. With `labelled`, the pattern has two groups, the
 * label to keep (`password=`) and the secret to replace: a leading literal label lets the regex
 * engine skip ahead, where a look-behind would be evaluated at every position of the text.
 */
export interface BuiltInDetector {
  kind: string;
  pattern: RegExp;
  validate?: (match: string) => boolean;
  hint?: string;
  labelled?: boolean;
}

// Every quantifier is bounded and every token pattern starts with a look-behind that refuses to
// start inside a word: that keeps each scan linear (no input can make a detector slow) and stops
// `task-…` from looking like an OpenAI `sk-…` key. Order matters: whole structures (PEM blocks,
// JWTs, URLs with credentials) go first, specific key prefixes before general ones
// (`sk-ant-` before `sk-`), and numbers last, from the strictest shape (card, with Luhn) to the
// loosest (phone), so a looser detector never takes part of a stricter finding.
const WORD_START = "(?<![A-Za-z0-9_-])";
const token = (body: string): RegExp => new RegExp(`${WORD_START}${body}`, "g");
const IPV4_OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

const digitCount = (text: string): number => text.replace(/\D/g, "").length;

/** The built-in detectors, in the order they run. */
export const BUILT_IN_DETECTORS: readonly BuiltInDetector[] = [
  {
    kind: "private_key",
    hint: "PRIVATE KEY",
    pattern:
      /-----BEGIN[A-Z ]{0,40} PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]*?-----END[A-Z ]{0,40} PRIVATE KEY(?: BLOCK)?-----|[A-Za-z0-9+/=\s:,-]*)/g,
  },
  {
    kind: "jwt",
    hint: "eyJ",
    pattern: token("eyJ[A-Za-z0-9_-]{4,4096}\\.eyJ[A-Za-z0-9_-]{4,16384}\\.[A-Za-z0-9_-]{0,4096}"),
  },
  {
    kind: "url_credentials",
    hint: "://",
    labelled: true,
    pattern: /\b([A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/)([^\s:/@"'<>]{1,128}:[^\s/@"'<>]{1,256})(?=@)/g,
  },
  {
    kind: "signed_url",
    hint: "=",
    labelled: true,
    pattern:
      /([?&](?:sig|signature|Signature|X-Amz-Signature|X-Goog-Signature)=)([A-Za-z0-9%+/=._-]{16,2048})/g,
  },
  {
    kind: "slack_webhook",
    hint: "hooks.slack.com",
    pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{16,256}/g,
  },
  { kind: "anthropic_api_key", hint: "sk-ant-", pattern: token("sk-ant-[A-Za-z0-9_-]{20,512}") },
  {
    kind: "openai_api_key",
    hint: "sk-",
    pattern: token("sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,512}|(?!ant-)[A-Za-z0-9]{20,512})"),
  },
  {
    kind: "aws_access_key",
    pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Za-z0-9])/g,
  },
  {
    kind: "aws_secret_key",
    labelled: true,
    pattern: /(aws_?secret_?access_?key["']?\s{0,4}[:=]\s{0,4}["']?)([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi,
  },
  {
    kind: "github_token",
    pattern: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})/g,
  },
  { kind: "gitlab_token", hint: "glpat-", pattern: token("glpat-[A-Za-z0-9_-]{20,64}") },
  { kind: "google_api_key", hint: "AIza", pattern: token("AIza[0-9A-Za-z_-]{35}") },
  {
    kind: "google_oauth_token",
    pattern: token("(?:ya29\\.[0-9A-Za-z_-]{20,2048}|GOCSPX-[A-Za-z0-9_-]{28})"),
  },
  {
    kind: "stripe_key",
    pattern: /(?<![A-Za-z0-9_])(?:(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,247}|whsec_[A-Za-z0-9]{24,64})/g,
  },
  { kind: "slack_token", hint: "xox", pattern: token("xox[abposre]-[A-Za-z0-9-]{10,250}") },
  { kind: "huggingface_token", hint: "hf_", pattern: token("hf_[A-Za-z0-9]{30,40}") },
  { kind: "npm_token", hint: "npm_", pattern: token("npm_[A-Za-z0-9]{36}") },
  { kind: "pypi_token", hint: "pypi-", pattern: token("pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,512}") },
  { kind: "sendgrid_key", hint: "SG.", pattern: token("SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}") },
  { kind: "twilio_key", pattern: /(?<![A-Za-z0-9])SK[0-9a-f]{32}(?![A-Za-z0-9])/g },
  { kind: "groq_api_key", hint: "gsk_", pattern: token("gsk_[A-Za-z0-9]{48,64}") },
  { kind: "xai_api_key", hint: "xai-", pattern: token("xai-[A-Za-z0-9]{70,90}") },
  { kind: "replicate_token", hint: "r8_", pattern: token("r8_[A-Za-z0-9]{37}") },
  { kind: "perplexity_api_key", hint: "pplx-", pattern: token("pplx-[A-Za-z0-9]{40,56}") },
  { kind: "digitalocean_token", hint: "_v1_", pattern: token("do[opr]_v1_[a-f0-9]{64}") },
  { kind: "shopify_token", hint: "shp", pattern: token("shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}") },
  { kind: "mailgun_key", hint: "key-", pattern: token("key-[0-9a-zA-Z]{32}(?![A-Za-z0-9])") },
  { kind: "databricks_token", hint: "dapi", pattern: token("dapi[a-f0-9]{32}(?![A-Za-z0-9])") },
  {
    kind: "azure_storage_key",
    hint: "AccountKey=",
    labelled: true,
    pattern: /(AccountKey=)([A-Za-z0-9+/=]{40,100})/g,
  },
  { kind: "bearer_token", labelled: true, pattern: /\b([Bb]earer\s{1,8})([A-Za-z0-9._~+/-]{16,4096}=*)/g },
  {
    kind: "basic_auth",
    labelled: true,
    pattern: /\b(Authorization["']?\s{0,4}[:=]\s{0,4}["']?Basic\s{1,8})([A-Za-z0-9+/]{8,1024}={0,2})/gi,
  },
  {
    kind: "credential",
    labelled: true,
    pattern:
      /\b((?:password|passwd|pwd|secret|client_secret|api_?key|api-key|access_?token|auth_?token|private_?key)["']?\s{0,4}[:=]\s{0,4}["']?)((?!\[REDACTED)[^\s"',;]{6,256})/gi,
  },
  {
    kind: "email",
    hint: "@",
    pattern:
      /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/g,
  },
  {
    kind: "iban",
    pattern: /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![A-Za-z0-9])/g,
    validate: checkIban,
  },
  { kind: "card_number", pattern: /(?<![\d-])(?:\d[ -]?){12,18}\d(?!\d)/g, validate: checkLuhn },
  {
    kind: "ipv6",
    hint: ":",
    pattern: /(?<![\w:.])[0-9A-Fa-f:]{2,39}(?:\.\d{1,3}){0,3}(?![\w:])/g,
    validate: (match) =>
      (match.match(/:/g)?.length ?? 0) >= 2 && /[0-9A-Fa-f]/.test(match) && checkIpV6(match),
  },
  {
    kind: "ipv4",
    hint: ".",
    pattern: new RegExp(`(?<![\\w.])(?:${IPV4_OCTET}\\.){3}${IPV4_OCTET}(?!\\.?\\d)(?!\\w)`, "g"),
  },
  {
    kind: "phone",
    pattern:
      /(?<![\w+])(?:\+[1-9]\d{0,2}(?:[ .-]?\(?\d{1,4}\)?){2,6}|(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}|0\d{1,4}(?:[ .-]\d{2,4}){2,4})(?![\w])/g,
    validate: (match) => {
      const digits = digitCount(match);
      // National numbers have 9–11 digits with the trunk 0; longer digit runs are account numbers or IDs.
      return match.startsWith("+") ? digits >= 8 && digits <= 15 : digits >= 9 && digits <= 11;
    },
  },
];

/** Kinds of the built-in detectors, for the `redaction.detectors` option. */
export const BUILT_IN_REDACTION_KINDS: readonly string[] = BUILT_IN_DETECTORS.map(
  (detector) => detector.kind,
);
