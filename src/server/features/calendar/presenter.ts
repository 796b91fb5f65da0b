import type { z } from 'zod';
import type { ZCalendarItem } from '../../../shared/api/calendar';
import type { calendarItems } from '../../db/schema/index';

export const presentItem = (r: typeof calendarItems.$inferSelect): z.output<typeof ZCalendarItem> => ({
  id: r.id,
  source: r.source,
  kind: r.kind,
  title: r.title,
  description: r.description,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  departmentId: r.departmentId,
  sigtelinjer: r.sigtelinjer,
  link: r.link,
  status: r.status,
  sequence: r.sequence,
});
