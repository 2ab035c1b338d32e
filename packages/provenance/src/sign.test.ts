import { describe, expect, it } from "vitest";
import { createKeyRing } from "./create-key-ring.js";
import { decodeProvenanceRecord } from "./decode-provenance-record.js";
import { encodeProvenanceRecord } from "./encode-provenance-record.js";
import { exportPublicKey } from "./export-public-key.js";
import { formatDisclosure } from "./format-disclosure.js";
import { generateSigningKey } from "./generate-signing-key.js";
import { recordProvenanceOnSpan } from "./record-provenance-on-span.js";
import { sign } from "./sign.js";
import { verify } from "./verify.js";

const answer = "The refund was approved on 28 November. — Support bot";
const time = new Date("2026-11-28T18:00:00Z");
const operation = { traceId: "4bf92f3577b34da6a3ce929d0e0e4736", spanId: "00f067aa0ba902b7" };

async function setUp() {
  const current = await generateSigningKey({ keyId: "2026-11" });
  const previous = await generateSigningKey({ keyId: "2026-10" });
  const ring = createKeyRing([
    { keyId: current.keyId, publicKey: await exportPublicKey(current.publicKey) },
    { keyId: previous.keyId, publicKey: previous.publicKey },
  ]);
  return { current, previous, ring };
}

describe("sign and verify", () => {
  it("signs a compact record that verifies against the content and the key ring", async () => {
    const { current, ring } = await setUp();
    const record = await sign({
      content: answer,
      model: "gpt-4o-2024-08-06",
      provider: "openai",
      responseId: "chatcmpl-123",
      ...operation,
      key: current,
      time,
    });
    expect(record).toMatchObject({
      v: 1,
      alg: "Ed25519",
      kid: "2026-11",
      model: "gpt-4o-2024-08-06",
      provider: "openai",
      responseId: "chatcmpl-123",
      ...operation,
      time: "2026-11-28T18:00:00.000Z",
    });
    expect(record.digest).toMatch(/^sha256:[A-Za-z0-9_-]{43}$/);
    expect(record.sig).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(JSON.stringify(record)).not.toContain("Support bot");
    expect(await verify({ record, content: answer, keys: ring })).toEqual({ valid: true, record });

    const compact = encodeProvenanceRecord(record);
    expect(compact.length).toBeLessThan(600);
    expect(decodeProvenanceRecord(compact)).toEqual(record);
    expect((await verify({ record: compact, content: answer, keys: ring })).valid).toBe(true);
    const bytes = new TextEncoder().encode(answer);
    expect((await verify({ record, content: bytes, keys: ring })).valid).toBe(true);
  });

  it("fails on a changed byte of the content", async () => {
    const { current, ring } = await setUp();
    const record = await sign({ content: answer, model: "m", provider: "p", key: current, time });
    const bytes = new TextEncoder().encode(answer);
    bytes[3] = (bytes[3] as number) ^ 1;
    expect(await verify({ record, content: bytes, keys: ring })).toMatchObject({
      valid: false,
      reason: "content_mismatch",
    });
    expect(await verify({ record, content: `${answer} `, keys: ring })).toMatchObject({
      reason: "content_mismatch",
    });
  });

  it("fails on a changed claim, a changed signature byte, or the wrong key", async () => {
    const { current, previous, ring } = await setUp();
    const record = await sign({
      content: answer,
      model: "gpt-4o-mini",
      provider: "openai",
      key: current,
      time,
    });
    expect(
      await verify({ record: { ...record, model: "gpt-4o" }, content: answer, keys: ring }),
    ).toMatchObject({
      valid: false,
      reason: "bad_signature",
    });
    const flipped = `${record.sig.slice(0, 10)}${record.sig[10] === "A" ? "B" : "A"}${record.sig.slice(11)}`;
    expect(await verify({ record: { ...record, sig: flipped }, content: answer, keys: ring })).toMatchObject({
      reason: "bad_signature",
    });
    // Signed by the 2026-10 key but claiming the 2026-11 id: the 2026-11 public key rejects it.
    const wrongKey = await sign({
      content: answer,
      model: "m",
      provider: "p",
      key: { ...previous, keyId: "2026-11" },
      time,
    });
    expect(await verify({ record: wrongKey, content: answer, keys: ring })).toMatchObject({
      reason: "bad_signature",
    });
  });

  it("fails on an unknown key id, and verifies records of a retired key still in the ring", async () => {
    const { previous, ring } = await setUp();
    const stranger = await generateSigningKey({ keyId: "someone-else" });
    const foreign = await sign({ content: answer, model: "m", provider: "p", key: stranger, time });
    expect(await verify({ record: foreign, content: answer, keys: ring })).toMatchObject({
      valid: false,
      reason: "unknown_key",
    });
    const old = await sign({ content: answer, model: "m", provider: "p", key: previous, time });
    expect((await verify({ record: old, content: answer, keys: ring })).valid).toBe(true);
    // After the old key is dropped from the ring, its records no longer verify.
    const rotated = createKeyRing([
      { keyId: "2026-11", publicKey: (await generateSigningKey({ keyId: "x" })).publicKey },
    ]);
    expect(await verify({ record: old, content: answer, keys: rotated })).toMatchObject({
      reason: "unknown_key",
    });
    expect(
      await verify({
        record: old,
        content: answer,
        keys: [{ keyId: "2026-10", publicKey: previous.publicKey }],
      }),
    ).toMatchObject({
      valid: true,
    });
  });

  it("returns only the signed fields: fields added to a signed record are dropped, never vouched for", async () => {
    const { current, ring } = await setUp();
    const record = await sign({ content: answer, model: "m", provider: "p", key: current, time });
    const forged = { ...record, approvedBy: "finance", amount: 1_000_000 };
    const fromObject = await verify({ record: forged, content: answer, keys: ring });
    expect(fromObject).toEqual({ valid: true, record });
    expect(Object.keys(fromObject.record ?? {})).toEqual(Object.keys(record));

    // The same forgery through the compact form: extra JSON fields in the (unsigned-over) payload.
    const payload = new TextEncoder().encode(JSON.stringify({ ...record, sig: undefined, isAdmin: true }));
    const compact = `${Buffer.from(payload).toString("base64url")}.${record.sig}`;
    const fromCompact = await verify({ record: compact, content: answer, keys: ring });
    expect(fromCompact).toEqual({ valid: true, record });
    expect(decodeProvenanceRecord(compact)).toEqual(record);
    expect(decodeProvenanceRecord(forged)).toEqual(record);
    // A copy, not the caller's object: changing the input afterwards cannot change a verified record.
    expect(fromObject.record).not.toBe(forged);
    // A record object whose field throws on read is malformed, not a crash (verify never throws).
    const trap = {
      ...record,
      get model(): string {
        throw new Error("trap");
      },
    };
    expect(await verify({ record: trap, content: answer, keys: ring })).toEqual({
      valid: false,
      reason: "malformed",
    });
  });

  it("reports malformed records instead of throwing", async () => {
    const { ring } = await setUp();
    for (const record of ["", "abc", "a.b.c", "!!!.sig", "e30.sig"]) {
      expect(await verify({ record, content: answer, keys: ring })).toEqual({
        valid: false,
        reason: "malformed",
      });
    }
  });

  it("rejects a signing key without an id", async () => {
    const { current } = await setUp();
    await expect(
      sign({ content: answer, model: "m", provider: "p", key: { ...current, keyId: "" } }),
    ).rejects.toThrow(/keyId/);
    expect(() =>
      createKeyRing([
        { keyId: "a", publicKey: current.privateKey },
        { keyId: "a", publicKey: "x" },
      ]),
    ).toThrow(/twice/);
  });
});

describe("disclosure and span attributes", () => {
  it("formats a disclosure line, or your own", () => {
    const record = { model: "gpt-4o-2024-08-06", provider: "openai", time: "2026-11-28T18:00:00.000Z" };
    expect(formatDisclosure(record)).toBe("Generated by gpt-4o-2024-08-06 (openai) at 2026-11-28 18:00 UTC.");
    expect(
      formatDisclosure(
        record,
        ({ model, time }) => `Erstellt von ${model} am ${time.toISOString().slice(0, 10)}`,
      ),
    ).toBe("Erstellt von gpt-4o-2024-08-06 am 2026-11-28");
  });

  it("puts the digest and key id on a span, never the key", async () => {
    const { current } = await setUp();
    const record = await sign({ content: answer, model: "m", provider: "p", key: current, time });
    const attributes: Record<string, string> = {};
    recordProvenanceOnSpan({ setAttribute: (key, value) => (attributes[key] = value) }, record);
    expect(attributes).toEqual({
      "sightline.provenance.digest": record.digest,
      "sightline.provenance.key_id": "2026-11",
    });
    expect(() =>
      recordProvenanceOnSpan(
        {
          setAttribute: () => {
            throw new Error("ended");
          },
        },
        record,
      ),
    ).not.toThrow();
    expect(() => recordProvenanceOnSpan(undefined, record)).not.toThrow();
  });
});
