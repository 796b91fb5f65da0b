import { hash, verify } from '@node-rs/argon2';

// argon2id with the OWASP-recommended minimum (m=19 MiB, t=2, p=1).
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, options);

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    // Spend the same time as a real check so that unknown accounts cannot be told apart.
    await verify(DUMMY_HASH, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$MMsgB1JJAvh5a1VP3y9e+g$kOC1LdfkvItYIbwobCJ2mUHVc/CXdHUc7seQuh8FIMk';

export const MIN_PASSWORD_LENGTH = 10;
