// One realistic sample per secret shape, for redaction tests, built from a fixed pseudo-random
// sequence so no real credential is in the repository.

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const HEX = "0123456789abcdef";
const BASE64 = `${ALPHANUMERIC}+/`;

// mulberry32: a small deterministic generator whose low bits are well mixed.
let seed = 7;
function next(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let value = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
  return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
}
function pick(alphabet: string, length: number): string {
  let text = "";
  for (let index = 0; index < length; index++) text += alphabet[Math.floor(next() * alphabet.length)];
  return text;
}
const alphanumeric = (length: number): string => pick(ALPHANUMERIC, length);
const hex = (length: number): string => pick(HEX, length);

/** `[kind, secret]`: 50 secrets of distinct shapes, with the kind each must be redacted as. */
export const SECRET_SAMPLES: readonly (readonly [string, string])[] = [
  [
    "private_key",
    `-----BEGIN RSA PRIVATE KEY-----\n${pick(BASE64, 64)}\n${pick(BASE64, 40)}\n-----END RSA PRIVATE KEY-----`,
  ],
  ["private_key", `-----BEGIN PRIVATE KEY-----\n${pick(BASE64, 64)}\n-----END PRIVATE KEY-----`],
  [
    "private_key",
    `-----BEGIN OPENSSH PRIVATE KEY-----\n${pick(BASE64, 70)}\n-----END OPENSSH PRIVATE KEY-----`,
  ],
  ["private_key", `-----BEGIN EC PRIVATE KEY-----\n${pick(BASE64, 60)}`],
  ["jwt", `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.${alphanumeric(43)}`],
  ["url_credentials", `postgres://admin:${alphanumeric(16)}@db.internal:5432/app`],
  ["signed_url", `https://bucket.s3.amazonaws.com/file?X-Amz-Signature=${hex(64)}`],
  [
    "slack_webhook",
    `https://hooks.slack.com/services/T${alphanumeric(8)}/B${alphanumeric(8)}/${alphanumeric(24)}`,
  ],
  ["anthropic_api_key", `sk-ant-api03-${alphanumeric(40)}_${alphanumeric(40)}-AA`],
  ["anthropic_api_key", `sk-ant-admin01-${alphanumeric(60)}`],
  ["openai_api_key", `sk-proj-${alphanumeric(48)}_${alphanumeric(40)}`],
  ["openai_api_key", `sk-${alphanumeric(20)}T3BlbkFJ${alphanumeric(20)}`],
  ["openai_api_key", `sk-svcacct-${alphanumeric(60)}`],
  ["openai_api_key", `sk-admin-${alphanumeric(60)}`],
  ["aws_access_key", `AKIA${pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)}`],
  ["aws_access_key", `ASIA${pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)}`],
  ["aws_secret_key", `aws_secret_access_key = ${pick(BASE64, 40)}`],
  ["github_token", `ghp_${alphanumeric(36)}`],
  ["github_token", `gho_${alphanumeric(36)}`],
  ["github_token", `ghs_${alphanumeric(36)}`],
  ["github_token", `github_pat_${alphanumeric(22)}_${alphanumeric(59)}`],
  ["gitlab_token", `glpat-${alphanumeric(20)}`],
  ["google_api_key", `AIza${alphanumeric(35)}`],
  ["google_oauth_token", `ya29.${alphanumeric(60)}`],
  ["google_oauth_token", `GOCSPX-${alphanumeric(28)}`],
  ["stripe_key", `sk_live_${alphanumeric(24)}`],
  ["stripe_key", `rk_test_${alphanumeric(24)}`],
  ["stripe_key", `whsec_${alphanumeric(32)}`],
  ["slack_token", `xoxb-${hex(12)}-${hex(12)}-${alphanumeric(24)}`],
  ["slack_token", `xoxp-${hex(12)}-${alphanumeric(30)}`],
  ["huggingface_token", `hf_${alphanumeric(34)}`],
  ["npm_token", `npm_${alphanumeric(36)}`],
  ["pypi_token", `pypi-AgEIcHlwaS5vcmc${alphanumeric(70)}`],
  ["sendgrid_key", `SG.${alphanumeric(22)}.${alphanumeric(43)}`],
  ["twilio_key", `SK${hex(32)}`],
  ["groq_api_key", `gsk_${alphanumeric(52)}`],
  ["xai_api_key", `xai-${alphanumeric(80)}`],
  ["replicate_token", `r8_${alphanumeric(37)}`],
  ["perplexity_api_key", `pplx-${alphanumeric(48)}`],
  ["digitalocean_token", `dop_v1_${hex(64)}`],
  ["shopify_token", `shpat_${hex(32)}`],
  ["mailgun_key", `key-${alphanumeric(32)}`],
  ["databricks_token", `dapi${hex(32)}`],
  ["azure_storage_key", `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${pick(BASE64, 86)}==`],
  ["bearer_token", `Authorization: Bearer ${alphanumeric(40)}`],
  ["basic_auth", `Authorization: Basic ${pick(BASE64, 24)}==`],
  ["credential", `password=${alphanumeric(14)}!`],
  ["credential", `"client_secret": "${alphanumeric(32)}"`],
  ["credential", `api_key: ${alphanumeric(30)}`],
  ["url_credentials", `https://deploy:${alphanumeric(20)}@git.example.test/repo.git`],
];

/** The part of a sample that must never survive (the key material, not the label around it). */
export function secretPart(sample: string): string {
  const signature = /Signature=(.+)$/.exec(sample);
  if (signature?.[1]) return signature[1];
  const afterSeparator = /(?:=|: |Bearer |Basic |": ")"?([^\s"]{8,})"?$/.exec(sample);
  if (afterSeparator?.[1] && !sample.startsWith("http") && !sample.startsWith("postgres"))
    return afterSeparator[1];
  const credentials = /:\/\/[^:]+:([^@]+)@/.exec(sample);
  if (credentials?.[1]) return credentials[1];
  return sample
    .replace(/-----[A-Z ]+-----/g, "")
    .trim()
    .slice(0, 40);
}
