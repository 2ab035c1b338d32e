import { SECRET_SAMPLES, secretPart } from "@sightline/testing/vitest";
import { describe, expect, it } from "vitest";
import { SightlineError } from "../errors/sightline-error.js";
import { BUILT_IN_REDACTION_KINDS } from "./built-in-detectors.js";
import { createRedactor } from "./create-redactor.js";

const redactor = createRedactor();
const redact = (text: string) => redactor.redact(text);

describe("built-in detectors", () => {
  it.each(SECRET_SAMPLES.map(([kind, secret], index) => [index, kind, secret]))(
    "secret sample %i is redacted as %s",
    (_index, kind, secret) => {
      const result = redact(`before ${secret} after`);
      expect(result.text).toContain(`[REDACTED:${kind}]`);
      expect(result.text).not.toContain(secretPart(secret as string));
      expect(result.text.startsWith("before ")).toBe(true);
      expect(result.counts[kind as string]).toBeGreaterThanOrEqual(1);
    },
  );

  it("covers 50 samples and every secret kind", () => {
    expect(SECRET_SAMPLES).toHaveLength(50);
    const kinds = new Set(SECRET_SAMPLES.map(([kind]) => kind));
    for (const kind of BUILT_IN_REDACTION_KINDS) {
      if (["email", "iban", "card_number", "ipv4", "ipv6", "phone"].includes(kind)) continue;
      expect(kinds, kind).toContain(kind);
    }
  });

  it.each([
    ["email", "jane.doe+tag@example.co.uk"],
    ["email", "OPS@Acme-Corp.io"],
    ["iban", "DE89 3704 0044 0532 0130 00"],
    ["iban", "GB82WEST12345698765432"],
    ["iban", "FR1420041010050500013M02606"],
    ["card_number", "4111 1111 1111 1111"],
    ["card_number", "5500-0000-0000-0004"],
    ["card_number", "378282246310005"],
    ["card_number", "6011111111111117"],
    ["ipv4", "192.168.1.20"],
    ["ipv4", "8.8.8.8"],
    ["ipv6", "2001:db8:85a3::8a2e:370:7334"],
    ["ipv6", "2001:0db8:0000:0000:0000:ff00:0042:8329"],
    ["ipv6", "fe80::1"],
    ["ipv6", "::ffff:192.0.2.128"],
    ["phone", "+1 415 555 2671"],
    ["phone", "(415) 555-2671"],
    ["phone", "415-555-2671"],
    ["phone", "+44 20 7946 0958"],
    ["phone", "+49-30-1234567"],
    ["phone", "06 12 34 56 78"],
  ])("%s: %s is redacted", (kind, sample) => {
    const result = redact(`x ${sample} y`);
    expect(result.text).toBe(`x [REDACTED:${kind}] y`);
    expect(result.counts).toEqual({ [kind]: 1 });
  });

  it.each([
    ["a card number failing Luhn", "4111 1111 1111 1112"],
    ["a Luhn-valid number no card network uses", "1234 5678 9012 3452"],
    ["an IBAN failing mod-97", "DE89 3704 0044 0532 0130 01"],
    ["a word that contains sk-", "task-abcdefghijklmnopqrstuvwxyz0123"],
    ["a hyphenated name after sk-", "sk-learn-is-a-python-library"],
    ["a clock time", "12:30:45"],
    ["a C++ scope", "std::vector<int>"],
    ["a MAC address", "00:1A:2B:3C:4D:5E"],
    ["a version", "version 1.2.3"],
    ["an out-of-range address", "999.1.1.1"],
    ["a dotted five-part version", "1.2.3.4.5"],
    ["a date", "2026-11-28"],
    ["a German date", "28.11.2026"],
    ["a short local number", "call 555-1234"],
    ["a short GitHub-like word", "ghp_short"],
    ["plain prose with Basic", "Basic understanding of bearer bonds"],
    ["an address without a domain", "root@localhost"],
    ["an order number", "order 100234567"],
    ["hex words", "cafe dead beef"],
    ["a UUID", "123e4567-e89b-12d3-a456-426614174000"],
  ])("%s stays: %s", (_label, sample) => {
    const result = redact(sample);
    expect(result.text).toBe(sample);
    expect(result.counts).toEqual({});
  });

  it.each([
    ["password=hunter2hunter2", "password=[REDACTED:credential]"],
    ["Authorization: Bearer abcdefghijklmnop0123", "Authorization: Bearer [REDACTED:bearer_token]"],
    ["Authorization: Basic dXNlcjpwYXNzd29yZA==", "Authorization: Basic [REDACTED:basic_auth]"],
    ["postgres://admin:s3cret@db:5432/app", "postgres://[REDACTED:url_credentials]@db:5432/app"],
    [
      "https://b.test/f?X-Amz-Signature=0123456789abcdef0123",
      "https://b.test/f?X-Amz-Signature=[REDACTED:signed_url]",
    ],
  ])("keeps the label of %s", (sample, expected) => {
    expect(redact(sample).text).toBe(expected);
  });

  it("applies the allow list to the secret of a labelled finding", () => {
    expect(
      createRedactor({ allow: ["changeme-placeholder"] }).redact("password=changeme-placeholder").text,
    ).toBe("password=changeme-placeholder");
  });

  it("counts several findings per kind", () => {
    const result = redact("a@x.io, b@y.io and 10.0.0.1");
    expect(result.text).toBe("[REDACTED:email], [REDACTED:email] and [REDACTED:ipv4]");
    expect(result.counts).toEqual({ email: 2, ipv4: 1 });
  });

  it("returns the same string when nothing is found", () => {
    const text = "nothing to see here";
    expect(redact(text).text).toBe(text);
  });

  it("is linear on hostile input (no catastrophic backtracking)", () => {
    const hostile = `${"a".repeat(50_000)}@${"b.".repeat(20_000)}`;
    const result = redact(hostile);
    expect(typeof result.text).toBe("string");
  });
});

describe("createRedactor options", () => {
  it("keeps allowed findings, by exact string or pattern", () => {
    const custom = createRedactor({ allow: ["support@acme.test", /@example\.org$/] });
    expect(custom.redact("support@acme.test a@example.org jane@acme.test").text).toBe(
      "support@acme.test a@example.org [REDACTED:email]",
    );
  });

  it("runs only the listed detectors", () => {
    const emailsOnly = createRedactor({ detectors: ["email"] });
    expect(emailsOnly.redact("a@b.io 10.0.0.1").text).toBe("[REDACTED:email] 10.0.0.1");
    expect(createRedactor({ detectors: false }).redact("a@b.io").text).toBe("a@b.io");
  });

  it("applies pattern and function rules with their own kinds and counts", () => {
    const custom = createRedactor({
      detectors: false,
      rules: [
        { kind: "ticket", pattern: /TCK-\d{6}/ },
        { kind: "employee", pattern: /EMP\d{4}/g, validate: (match) => match !== "EMP0000" },
        { kind: "codename", replace: (text, placeholder) => text.replaceAll("Project Falcon", placeholder) },
      ],
    });
    const result = custom.redact("TCK-123456 TCK-654321 EMP1234 EMP0000 Project Falcon");
    expect(result.text).toBe(
      "[REDACTED:ticket] [REDACTED:ticket] [REDACTED:employee] EMP0000 [REDACTED:codename]",
    );
    expect(result.counts).toEqual({ ticket: 2, employee: 1, codename: 1 });
  });

  it("uses a custom placeholder", () => {
    const custom = createRedactor({ placeholder: (kind) => `<${kind}>` });
    expect(custom.redact("mail a@b.io").text).toBe("mail <email>");
  });

  it("fails closed when a rule throws", () => {
    const custom = createRedactor({
      rules: [
        {
          kind: "broken",
          replace: () => {
            throw new Error("boom");
          },
        },
      ],
    });
    expect(custom.redact("secret text")).toEqual({
      text: "[REDACTED:redaction_failed]",
      counts: { redaction_failed: 1 },
    });
  });

  it("rejects bad options with an error naming the field", () => {
    expect(() => createRedactor({ detectors: ["emails"] })).toThrow(
      /redaction.detectors: unknown kind "emails"/,
    );
    expect(() => createRedactor({ rules: [{ kind: "", pattern: /x/ }] })).toThrow(SightlineError);
    expect(() => createRedactor({ rules: [{ kind: "x" } as never] })).toThrow(/redaction.rules\[0\]/);
    expect(() => createRedactor({ allow: [42 as never] })).toThrow(/redaction.allow\[0\]/);
  });
});
