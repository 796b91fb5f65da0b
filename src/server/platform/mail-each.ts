import type { Mailer } from './mail';
import { translate, type Locale } from './messages';

export type Recipient = { email: string; name: string; locale: string };

/**
 * Sends one mail to each recipient in their own language (English for 'en', Danish otherwise):
 * subject and text from `<key>.subject` and `<key>.body` in the locale files, with the recipient's
 * `name` added to `vars`. Returns how many were sent.
 */
export async function mailEach(mailer: Mailer, recipients: readonly Recipient[], key: string, vars: Record<string, string>): Promise<number> {
  let sent = 0;
  for (const r of recipients) {
    const locale: Locale = r.locale === 'en' ? 'en' : 'da';
    const all = { ...vars, name: r.name };
    await mailer.send({ to: r.email, subject: translate(locale, `${key}.subject`, all), text: translate(locale, `${key}.body`, all) });
    sent++;
  }
  return sent;
}
