import { Button, Grid, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_LIMITS, type TEventSession, type TSessionInput } from '../../../../shared/api/events';
import { fieldErrors } from '../../../app/api';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { copenhagenParts, copenhagenToIso } from '../when';

type Props = {
  session?: TEventSession;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: Required<TSessionInput>) => void;
  onCancel?: () => void;
};

/**
 * A session's day, its start and end in Copenhagen time, an online link or a place (or both) and
 * its seats. Checked here as far as the browser can; the server's answer names the field too.
 */
export function SessionForm({ session, submitLabel, pending, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const start = session ? copenhagenParts(session.startsAt) : { day: '', time: '' };
  const end = session ? copenhagenParts(session.endsAt) : { day: '', time: '' };
  const [day, setDay] = useState(start.day);
  const [from, setFrom] = useState(start.time);
  const [to, setTo] = useState(end.time);
  const [onlineUrl, setOnlineUrl] = useState(session?.onlineUrl ?? '');
  const [place, setPlace] = useState(session?.place ?? '');
  const [capacity, setCapacity] = useState<number | string>(session?.capacity ?? 20);
  const [touched, setTouched] = useState(false);
  const server = fieldErrors(error);
  const startsAt = copenhagenToIso(day, from);
  // a session that ends past midnight ends the next day
  const endsOnDay = to && from && to < from ? nextDay(day) : day;
  const endsAt = copenhagenToIso(endsOnDay, to);
  const where = onlineUrl.trim() || place.trim();
  const seats = typeof capacity === 'number' ? capacity : Number.NaN;
  const problems = {
    day: !day ? t('events.editor.dayRequired') : undefined,
    from: !startsAt && day ? t('events.editor.timeRequired') : undefined,
    to: !endsAt && day ? t('events.editor.timeRequired') : to && to === from ? t('events.editor.endAfterStart') : undefined,
    where: !where ? t('events.editor.whereRequired') : undefined,
    capacity: !(seats >= 1) ? t('events.editor.capacityRequired') : undefined,
  };
  const show = (k: keyof typeof problems) => (touched ? problems[k] : undefined);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (!startsAt || !endsAt || problems.to || !where || !(seats >= 1)) return;
        onSubmit({ startsAt, endsAt, onlineUrl: onlineUrl.trim() || null, place: place.trim() || null, capacity: seats });
      }}
    >
      <Stack gap="sm">
        <ProblemAlert error={error} hideFields={['startsAt', 'endsAt', 'onlineUrl', 'place', 'capacity']} />
        <Grid>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput type="date" label={t('events.editor.day')} required value={day} onChange={(e) => setDay(e.currentTarget.value)} error={show('day')} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4 }}>
            <TextInput type="time" label={t('events.editor.from')} required value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={show('from') ?? server.startsAt} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4 }}>
            <TextInput type="time" label={t('events.editor.to')} required value={to} onChange={(e) => setTo(e.currentTarget.value)} error={show('to') ?? server.endsAt} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              type="url"
              inputMode="url"
              label={t('events.editor.onlineUrl')}
              description={t('events.editor.whereHint')}
              maxLength={EVENT_LIMITS.url}
              value={onlineUrl}
              onChange={(e) => setOnlineUrl(e.currentTarget.value)}
              error={server.onlineUrl ?? show('where')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('events.editor.place')}
              description={t('events.editor.placeHint')}
              maxLength={EVENT_LIMITS.place}
              value={place}
              onChange={(e) => setPlace(e.currentTarget.value)}
              error={server.place}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <NumberInput
              label={t('events.editor.capacity')}
              description={t('events.editor.capacityHint')}
              required
              min={1}
              max={EVENT_LIMITS.capacity}
              allowDecimal={false}
              allowNegative={false}
              value={capacity}
              onChange={setCapacity}
              error={server.capacity ?? show('capacity')}
            />
          </Grid.Col>
        </Grid>
        <Group gap="sm">
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t('events.confirm.back')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}

/** The calendar day after yyyy-mm-dd. */
function nextDay(day: string): string {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? day : new Date(ms + 86_400_000).toISOString().slice(0, 10);
}
