import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../config';
import { AppError } from '../../platform/errors';

/*
 * Stored secrets (an identity provider's client secret): AES-256-GCM as `v1:<iv>:<tag>:<ciphertext>`
 * (base64url). The key is SECRETS_KEY; without it, outside production, a key file made on first
 * use in DATA_DIR (mode 0600), so a development install works without setup. In production a
 * missing key refuses to store a secret rather than inventing one nobody has a copy of.
 */

const KEY_FILE = 'secrets.key';
const fileKeys = new Map<string, Promise<Buffer>>();
const testKey = randomBytes(32);

async function keyFromFile(dataDir: string): Promise<Buffer> {
  const path = join(dataDir, KEY_FILE);
  try {
    return Buffer.from((await readFile(path, 'utf8')).trim(), 'base64');
  } catch {
    await mkdir(dataDir, { recursive: true });
    const key = randomBytes(32);
    try {
      // 'wx': two processes starting at once must not both write a key; the loser reads the winner's
      const file = await open(path, 'wx', 0o600);
      await file.writeFile(key.toString('base64'));
      await file.close();
      return key;
    } catch {
      return Buffer.from((await readFile(path, 'utf8')).trim(), 'base64');
    }
  }
}

/** The key, or 409 `secrets_key_missing` in production without SECRETS_KEY. */
export async function secretsKey(config: Config): Promise<Buffer> {
  if (config.secretsKey) return config.secretsKey;
  if (config.env === 'production') throw new AppError(409, 'secrets_key_missing');
  // tests keep to memory: a test's stored secrets live no longer than its process
  if (config.env === 'test') return testKey;
  let key = fileKeys.get(config.dataDir);
  if (!key) {
    key = keyFromFile(config.dataDir);
    fileKeys.set(config.dataDir, key);
  }
  return key;
}

export async function encryptSecret(config: Config, plain: string): Promise<string> {
  const key = await secretsKey(config);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(':');
}

export async function decryptSecret(config: Config, stored: string): Promise<string> {
  const [version, iv, tag, body] = stored.split(':');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unknown secret format');
  const decipher = createDecipheriv('aes-256-gcm', await secretsKey(config), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
