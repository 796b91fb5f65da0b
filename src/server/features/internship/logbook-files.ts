import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { logbookFiles } from '../../db/schema/index';
import { defineFileOwner } from '../../platform/files/index';

/**
 * The logbook's photos and videos in the platform's storage, in the folder "logbook" of each
 * school: a photo is three files (the private original and its stripped display copy and
 * thumbnail, `<key>.display`, `<key>.thumb`), a video one. The quota counts all of them.
 */
export const logbookStorage = defineFileOwner({
  feature: 'internship-logbook',
  folder: 'logbook',
  usedBytes: async (exec, schoolId) => {
    const [row] = await exec
      .select({ used: sql<string | number | null>`sum(${logbookFiles.originalSize} + coalesce(${logbookFiles.displaySize}, 0) + coalesce(${logbookFiles.thumbSize}, 0))` })
      .from(logbookFiles)
      .where(eq(logbookFiles.schoolId, schoolId));
    return Number(row?.used ?? 0);
  },
  referenced: async (exec, schoolId, keys) => {
    const where = keys
      ? or(inArray(logbookFiles.originalKey, [...keys]), inArray(logbookFiles.displayKey, [...keys]), inArray(logbookFiles.thumbKey, [...keys]))
      : isNotNull(logbookFiles.originalKey);
    const rows = await exec
      .select({ o: logbookFiles.originalKey, d: logbookFiles.displayKey, t: logbookFiles.thumbKey })
      .from(logbookFiles)
      .where(and(eq(logbookFiles.schoolId, schoolId), where));
    return new Set(rows.flatMap((r) => [r.o, r.d, r.t].filter((k): k is string => k !== null)));
  },
});
