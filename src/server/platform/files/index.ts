/**
 * The platform's one file storage (docs/ARCHITECTURE.md, "Files"), for every feature that keeps
 * files. A feature
 *  1. declares its files once: `defineFileOwner({ feature, folder, usedBytes, referenced })`;
 *  2. receives a file in its route's `receive` step (before the transaction):
 *     `storeFile(req, config, { owner, schoolId, space: await spaceFor(…), accept })` or, for a photo,
 *     `storePhoto(…)` (original kept private, stripped display copy and thumbnail);
 *  3. in the transaction: `ensureSpace(tx, …, bytes)`, writes the returned key(s) in its row, and
 *     `afterCommit(() => upload.keep())`; a replaced or deleted file goes with
 *     `afterCommit(() => removeUnreferenced(…))`;
 *  4. serves a file only from an authorised route: `serveFile(req, reply, config, key, { as: … })`;
 *  5. sweeps its folder in a job of its manifest: `sweepOrphans(db, config, owner, now)`.
 */
export { ORPHAN_AGE_MS, removeUnreferenced, sweepOrphans } from './cleanup';
export { type Accept, acceptVideos } from './content';
export { type PhotoUpload, storePhoto } from './images';
export { cleanFileName } from './names';
export { defineFileOwner, fileOwners, forgetFileOwner, type FileOwner } from './owners';
export { openStoredFile, storedPath } from './paths';
export { ensureSpace, formatSize, type Space, spaceFor, type Storage, storageOf } from './quota';
export { type StoreOptions, storeFile, type Upload } from './receive';
export { byteRange, type ServeAs, serveFile } from './serve';
