// 個人番号の保管 (keeping the My Number): encrypted at rest with AES-256-GCM, one fresh IV per
// row, the tenant and person bound in as additional authenticated data (a ciphertext copied to
// another row does not decrypt). Besides the ciphertext each row holds an HMAC-SHA-256 of the
// number (the "lookup hash") so a duplicate can be refused without decrypting anything.
//
// The key. Decision: one 32-byte secret from the environment variable KYODO_MY_NUMBER_KEY
// (base64). The encryption key and the lookup key are derived from it with HKDF-SHA-256 under
// different labels, and key_id (the first 16 hex digits of a hash of the secret) is stored with
// each row, so a row encrypted under another key is recognised instead of failing obscurely.
// Without the variable, a development key derived from a fixed, public label is used — fine for
// the demo and tests, worthless as protection. `kyodo serve` without --demo refuses to start
// without the variable (configuredMyNumberKey), and with NODE_ENV=production the default
// provider refuses the development key even for the demo. The other commands (export, import,
// audit verify, migrate, demo) never read a 個人番号 — the layouts carry only whether one is held —
// so they need no key. createResidentModule({ myNumberKey }) takes any other provider (a KMS, a
// file). Rotating the key means re-encrypting every row with both keys at hand; not provided here.
import crypto from "node:crypto";
import type { Tx } from "../../platform/db/database.ts";
import { insertMyNumber, latestMyNumber, myNumberHolder } from "./queries.ts";

export interface MyNumberKey {
  /** Short public id of the key, stored with each row. */
  id: string;
  encryptionKey: Buffer;
  lookupKey: Buffer;
}

export type MyNumberKeyProvider = () => MyNumberKey;

export const MY_NUMBER_KEY_ENV = "KYODO_MY_NUMBER_KEY";
const DEVELOPMENT_SECRET_LABEL = "kyodo development 個人番号 key: public, not for production";

/** How to make and give a key: part of every message that asks for one. */
export const MY_NUMBER_KEY_HOWTO =
  `generate a key with \`openssl rand -base64 32\` (or \`node -e "console.log(require('node:crypto').randomBytes(32).toString('base64'))"\`), ` +
  `set ${MY_NUMBER_KEY_ENV} to it, and keep a copy somewhere safe: 個人番号 stored under a key cannot be read without it`;

export class MyNumberKeyError extends Error {
  constructor(
    message: string,
    /** What to do about it (printed by the command line). */
    readonly hint: string = MY_NUMBER_KEY_HOWTO,
  ) {
    super(message);
    this.name = "MyNumberKeyError";
  }
}

/** Derives the two keys and the key id from a 32-byte secret. */
export function myNumberKeyFromSecret(secret: Buffer): MyNumberKey {
  if (secret.length !== 32) throw new MyNumberKeyError(`${MY_NUMBER_KEY_ENV} must be 32 bytes, base64-encoded (it decodes to ${secret.length})`);
  const derive = (label: string) => Buffer.from(crypto.hkdfSync("sha256", secret, Buffer.alloc(0), label, 32));
  return {
    id: crypto.createHash("sha256").update(secret).digest("hex").slice(0, 16),
    encryptionKey: derive("kyodo resident my-number encryption"),
    lookupKey: derive("kyodo resident my-number lookup"),
  };
}

/** The development key: derived from a public label, so anything it protects is not protected. */
export function developmentMyNumberKey(): MyNumberKey {
  return myNumberKeyFromSecret(crypto.createHash("sha256").update(DEVELOPMENT_SECRET_LABEL).digest());
}

/** The default provider: KYODO_MY_NUMBER_KEY, else the development key unless NODE_ENV=production. */
export function myNumberKeyFromEnv(env: NodeJS.ProcessEnv = process.env): MyNumberKey {
  const value = env[MY_NUMBER_KEY_ENV];
  if (value) return myNumberKeyFromSecret(Buffer.from(value, "base64"));
  if (env.NODE_ENV === "production") {
    throw new MyNumberKeyError(`${MY_NUMBER_KEY_ENV} is not set: refusing to keep 個人番号 under the public development key in production`);
  }
  return developmentMyNumberKey();
}

/**
 * The key from KYODO_MY_NUMBER_KEY, required: outside the demo the public development key is
 * refused. `kyodo serve` (without --demo) calls this before anything else starts.
 */
export function configuredMyNumberKey(env: NodeJS.ProcessEnv = process.env): MyNumberKey {
  const value = env[MY_NUMBER_KEY_ENV];
  if (!value) {
    throw new MyNumberKeyError(
      `${MY_NUMBER_KEY_ENV} is not set: outside the demo (kyodo serve --demo) kyodo refuses to keep 個人番号 under the public development key`,
    );
  }
  return myNumberKeyFromSecret(Buffer.from(value, "base64"));
}

export interface MyNumberVault {
  /** Resolves the key now (throws MyNumberKeyError when none may be used). */
  key(): MyNumberKey;
  /** Stores the number as the person's current one, unless it already is. */
  store(tx: Tx, personId: string, myNumber: string, changeId: string): Promise<void>;
  /** The person who holds this number in the tenant, if any. */
  holderOf(tx: Tx, myNumber: string): Promise<string | null>;
  /** The person's current number, decrypted, or null. Callers audit the reveal. */
  reveal(tx: Tx, personId: string): Promise<string | null>;
}

async function tenantOf(tx: Tx): Promise<string> {
  return (await tx.query("SELECT current_setting('kyodo.tenant_id', true) AS t")).rows[0].t as string;
}

const aad = (tenantId: string, personId: string) => Buffer.from(`resident_my_number:${tenantId}:${personId}`, "utf8");

export function createMyNumberVault(provider: MyNumberKeyProvider): MyNumberVault {
  let cached: MyNumberKey | undefined;
  const key = () => (cached ??= provider());
  const lookupHash = (myNumber: string) => crypto.createHmac("sha256", key().lookupKey).update(myNumber, "utf8").digest();

  return {
    key,

    async store(tx, personId, myNumber, changeId) {
      const hash = lookupHash(myNumber);
      const current = (await tx.query(latestMyNumber(personId))).rows[0];
      if (current && Buffer.compare(current.lookup_hash as Buffer, hash) === 0) return;
      const tenantId = await tenantOf(tx);
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv("aes-256-gcm", key().encryptionKey, iv);
      cipher.setAAD(aad(tenantId, personId));
      const ciphertext = Buffer.concat([cipher.update(myNumber, "utf8"), cipher.final()]);
      await tx.query(insertMyNumber({ personId, ciphertext, iv, tag: cipher.getAuthTag(), keyId: key().id, lookupHash: hash, changeId }));
    },

    async holderOf(tx, myNumber) {
      const row = (await tx.query(myNumberHolder(lookupHash(myNumber)))).rows[0];
      return row ? (row.person_id as string) : null;
    },

    async reveal(tx, personId) {
      const row = (await tx.query(latestMyNumber(personId))).rows[0];
      if (!row) return null;
      if (row.key_id !== key().id) throw new MyNumberKeyError("the 個人番号 was encrypted under another key");
      const decipher = crypto.createDecipheriv("aes-256-gcm", key().encryptionKey, row.iv as Buffer);
      decipher.setAAD(aad(await tenantOf(tx), personId));
      decipher.setAuthTag(row.tag as Buffer);
      return Buffer.concat([decipher.update(row.ciphertext as Buffer), decipher.final()]).toString("utf8");
    },
  };
}
