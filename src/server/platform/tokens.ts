import { createHash, randomBytes } from 'node:crypto';

/** A random URL-safe secret (256 bits) and the hash under which it is stored. */
export function newSecret(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSecret(token) };
}

export const hashSecret = (token: string) => createHash('sha256').update(token).digest('hex');
