import type { HomeItem } from '../../platform/feature';
import { translate, type Locale } from '../../platform/messages';

/*
 * An item in words for the e-mail digest, from the same locale keys as the page (home.kind.<kind>,
 * home.progress, home.due, home.overdueSince, home.when, home.startsAt), so both say the same.
 */

const tag = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'da-DK');
const days = { da: new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', timeZone: 'UTC' }), en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' }) };
const times = {
  da: new Intl.DateTimeFormat(tag('da'), { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Copenhagen' }),
  en: new Intl.DateTimeFormat(tag('en'), { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Copenhagen' }),
};

/** The variables every home.kind.<kind> text may use. */
export const itemVars = (i: HomeItem) => ({ title: i.title ?? '', detail: i.detail ?? '', count: i.count ?? 0, done: i.progress?.done ?? 0, total: i.progress?.total ?? 0 });

export function describeItem(locale: Locale, i: HomeItem): string {
  const parts = [translate(locale, `home.kind.${i.kind}`, itemVars(i))];
  if (i.progress) parts.push(translate(locale, 'home.progress', itemVars(i)));
  if (i.startsAt) parts.push(translate(locale, 'home.startsAt', { date: times[locale].format(i.startsAt) }));
  if (i.dueOn) {
    const date = days[locale].format(new Date(`${i.dueOn}T12:00:00Z`));
    const key = i.urgency === 'overdue' ? 'home.overdueSince' : i.urgency === 'info' ? 'home.when' : 'home.due';
    parts.push(translate(locale, key, { date }));
  }
  return parts.join(' · ');
}
