import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config';
import { AppError, invalid } from '../../platform/errors';
import { detectAllowed, safeName } from './uploads';

/**
 * A material's file: received from the request (multipart, or a raw body with the name in
 * ?name=), checked by size and by content, and kept under STORAGE_DIR/<school>/<random key>,
 * outside the web root.
 */
export type Upload = { buffer: Buffer; fileName: string; mime: string };

/** Reads and checks the uploaded file: the size limit while streaming, the type by content. */
export async function receiveUpload(req: FastifyRequest, config: Config, nameParam: string | undefined): Promise<Upload> {
  const limitMb = Math.round(config.uploadLimitBytes / 1024 / 1024);
  const tooLarge = () => new AppError(413, 'file_too_large', { vars: { mb: limitMb }, fields: [{ field: 'file', key: 'library.validation.file_too_large', vars: { mb: limitMb } }] });
  let buffer: Buffer;
  let filename: string;
  if (req.isMultipart()) {
    const part = await req.file();
    if (!part) throw invalid([{ field: 'file', key: 'validation.required' }]);
    try {
      buffer = await part.toBuffer();
    } catch (e) {
      if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' || part.file.truncated) throw tooLarge();
      throw e;
    }
    if (part.file.truncated) throw tooLarge();
    filename = part.filename;
  } else if (Buffer.isBuffer(req.body)) {
    // a raw body (application/octet-stream) with the file name in ?name=
    buffer = req.body;
    if (buffer.length > config.uploadLimitBytes) throw tooLarge();
    filename = nameParam ?? 'fil';
  } else {
    throw new AppError(415, 'unsupported_media_type');
  }
  if (!buffer.length) throw invalid([{ field: 'file', key: 'validation.required' }]);
  const mime = await detectAllowed(buffer, filename);
  if (!mime) throw new AppError(415, 'file_type_forbidden', { fields: [{ field: 'file', key: 'library.validation.file_type_forbidden' }] });
  return { buffer, fileName: safeName(filename), mime };
}

/** Writes a school's file under a new key and returns the key. */
export async function storeFile(config: Config, schoolId: string, buffer: Buffer): Promise<string> {
  const key = `${schoolId}/${randomUUID()}`;
  await mkdir(join(config.storageDir, schoolId), { recursive: true });
  await writeFile(join(config.storageDir, key), buffer);
  return key;
}

/** Removes a stored file (a write whose database change did not happen); a file already gone is fine. */
export const removeFile = (config: Config, key: string): Promise<void> => rm(join(config.storageDir, key), { force: true });

export const readStoredFile = (config: Config, key: string): Promise<Buffer> => readFile(join(config.storageDir, key));
