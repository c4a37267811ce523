import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestPlatform } from "../../../test/support/platform.ts";
import { TOWN_A } from "../../../test/support/fixtures.ts";
import {
  configuredMyNumberKey,
  createMyNumberVault,
  developmentMyNumberKey,
  MY_NUMBER_KEY_ENV,
  MyNumberKeyError,
  myNumberKeyFromEnv,
  myNumberKeyFromSecret,
} from "./my-number-vault.ts";
import { residentModule } from "./index.ts";
import { createResidentTestPlatform, inTenant, moveIn, personInput, record } from "./resident-test-support.ts";

let t: TestPlatform;
let personId: string;
const MY_NUMBER = "123456789018";

beforeAll(async () => {
  t = await createResidentTestPlatform();
  const change = await record(t, moveIn([personInput({ familyName: "番号", familyNameKana: "バンゴウ", myNumber: "1234 5678 9018" })]));
  personId = change.entries[0]!.personId;
});
afterAll(() => t.close());

/** Everything the database holds that could carry the digits, as text. */
async function everythingAsText(): Promise<string> {
  const tables = ["resident_my_number", "resident_change", "resident_change_entry", "resident_current", "event_outbox", "audit_log", "addressee", "addressee_change"];
  let text = "";
  for (const table of tables) {
    const rows = (await t.db.owner.query(`SELECT x::text AS t FROM ${table} x`)).rows;
    text += rows.map((r) => r.t).join("\n");
  }
  // bytea shows as hex in text: look at the raw bytes too, where stored digits would be ASCII.
  const raw = (await t.db.owner.query("SELECT ciphertext, iv, tag, lookup_hash FROM resident_my_number")).rows;
  for (const r of raw) text += Buffer.concat([r.ciphertext, r.iv, r.tag, r.lookup_hash]).toString("latin1");
  return text;
}

describe("個人番号 at rest: AES-256-GCM under KYODO_MY_NUMBER_KEY", () => {
  it("is stored encrypted: no table, event or audit entry holds the digits; the record says only that one is held", async () => {
    const text = await everythingAsText();
    expect(text).not.toContain(MY_NUMBER);
    expect(text).not.toContain("1234 5678 9018");
    const stored = (await t.db.owner.query("SELECT key_id, length(iv) AS iv, length(tag) AS tag FROM resident_my_number WHERE tenant_id = $1", [TOWN_A.id])).rows;
    expect(stored).toEqual([{ key_id: residentModule.vault.key().id, iv: 12, tag: 16 }]);
    const current = (await t.db.owner.query("SELECT record->>'hasMyNumber' AS held FROM resident_current WHERE person_id = $1", [personId])).rows[0];
    expect(current.held).toBe("true");
  });

  it("decrypts for the person it belongs to, and the same number is not stored twice", async () => {
    expect(await inTenant(t, (tx) => residentModule.vault.reveal(tx, personId))).toBe(MY_NUMBER);
    await inTenant(t, (tx) => residentModule.vault.store(tx, personId, MY_NUMBER, "00000000-0000-4000-8000-000000000000"));
    expect((await t.db.owner.query("SELECT count(*)::int AS n FROM resident_my_number")).rows[0].n).toBe(1);
    expect(await inTenant(t, (tx) => residentModule.vault.holderOf(tx, MY_NUMBER))).toBe(personId);
  });

  it("a ciphertext moved to another person's row does not decrypt (tenant and person are bound in)", async () => {
    const other = await record(t, moveIn([personInput({ familyName: "別人", familyNameKana: "ベツジン", myNumber: "000000000060" })], { address: { address: "葉山町木古庭" } }));
    const otherId = other.entries[0]!.personId;
    await t.db.owner.query(
      `INSERT INTO resident_my_number (tenant_id, person_id, ciphertext, iv, tag, key_id, lookup_hash, change_id)
       SELECT tenant_id, $2, ciphertext, iv, tag, key_id, sha256('copied'::bytea), change_id FROM resident_my_number WHERE person_id = $1`,
      [personId, otherId],
    );
    await expect(inTenant(t, (tx) => residentModule.vault.reveal(tx, otherId))).rejects.toThrow();
  });

  it("a row under another key is recognised, not mis-decrypted", async () => {
    const otherKey = createMyNumberVault(() => myNumberKeyFromSecret(crypto.randomBytes(32)));
    await expect(inTenant(t, (tx) => otherKey.reveal(tx, personId))).rejects.toThrow(MyNumberKeyError);
  });
});

describe("the key provider", () => {
  it("reads a 32-byte base64 secret from KYODO_MY_NUMBER_KEY and derives distinct keys from it", () => {
    const secret = crypto.randomBytes(32);
    const key = myNumberKeyFromEnv({ [MY_NUMBER_KEY_ENV]: secret.toString("base64"), NODE_ENV: "production" });
    expect(key.encryptionKey).toHaveLength(32);
    expect(key.encryptionKey.equals(key.lookupKey)).toBe(false);
    expect(key.encryptionKey.equals(secret)).toBe(false);
    expect(key.id).toMatch(/^[0-9a-f]{16}$/);
    expect(key.id).not.toBe(developmentMyNumberKey().id);
  });

  it("refuses a secret of the wrong length", () => {
    expect(() => myNumberKeyFromEnv({ [MY_NUMBER_KEY_ENV]: Buffer.alloc(16).toString("base64") })).toThrow(MyNumberKeyError);
  });

  it("uses the public development key outside production, and refuses to run without a key in production", () => {
    expect(myNumberKeyFromEnv({ NODE_ENV: "test" }).id).toBe(developmentMyNumberKey().id);
    expect(() => myNumberKeyFromEnv({ NODE_ENV: "production" })).toThrow(/KYODO_MY_NUMBER_KEY is not set/);
  });

  it("outside the demo (kyodo serve without --demo) the key must be configured: no development key, and the refusal says how to make one", () => {
    const secret = crypto.randomBytes(32);
    expect(configuredMyNumberKey({ [MY_NUMBER_KEY_ENV]: secret.toString("base64") }).id).toBe(myNumberKeyFromSecret(secret).id);
    let refusal: unknown;
    try {
      configuredMyNumberKey({ NODE_ENV: "development" });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(MyNumberKeyError);
    expect((refusal as MyNumberKeyError).message).toMatch(/KYODO_MY_NUMBER_KEY is not set/);
    expect((refusal as MyNumberKeyError).hint).toContain("openssl rand -base64 32");
    expect(() => configuredMyNumberKey({ [MY_NUMBER_KEY_ENV]: "c2hvcnQ=" })).toThrow(/must be 32 bytes/);
  });
});
