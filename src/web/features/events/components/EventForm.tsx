import { Button, Radio, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_LIMITS, type TEventInput } from '../../../../shared/api/events';
import { fieldErrors } from '../../../app/api';
import { ProblemAlert } from '../../../shared/ProblemAlert';

type Values = { kind: TEventInput['kind']; title: string; description: string };
type Props = {
  initial?: Values;
  /** The kind is chosen once, when the event is made. */
  kindFixed?: boolean;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: Values) => void;
};

/** The event's own fields: Webinar or Learning Factory, its name and what it is about. */
export function EventForm({ initial, kindFixed, submitLabel, pending, error, onSubmit }: Props) {
  const { t } = useTranslation();
  const [v, setV] = useState<Values>(initial ?? { kind: 'webinar', title: '', description: '' });
  const [touched, setTouched] = useState(false);
  const server = fieldErrors(error);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (v.title.trim()) onSubmit({ ...v, title: v.title.trim(), description: v.description.trim() });
      }}
    >
      <Stack gap="md">
        <ProblemAlert error={error} hideFields={['kind', 'title', 'description']} />
        {kindFixed ? null : (
          <Radio.Group label={t('events.editor.kind')} value={v.kind} onChange={(kind) => setV({ ...v, kind: kind === 'learning_factory' ? kind : 'webinar' })} error={server.kind}>
            <Stack gap="xs" mt={6}>
              <Radio value="webinar" label={t('events.kind.webinar')} description={t('events.editor.webinarHint')} />
              <Radio value="learning_factory" label={t('events.kind.learning_factory')} description={t('events.editor.learningFactoryHint')} />
            </Stack>
          </Radio.Group>
        )}
        <TextInput
          label={t('events.editor.title')}
          required
          maxLength={EVENT_LIMITS.title}
          value={v.title}
          onChange={(e) => setV({ ...v, title: e.currentTarget.value })}
          error={server.title ?? (touched && !v.title.trim() ? t('events.editor.titleRequired') : undefined)}
        />
        <Textarea
          label={t('events.editor.description')}
          description={t('events.editor.descriptionHint')}
          autosize
          minRows={4}
          maxLength={EVENT_LIMITS.text}
          value={v.description}
          onChange={(e) => setV({ ...v, description: e.currentTarget.value })}
          error={server.description}
        />
        <Button type="submit" loading={pending} w={{ base: '100%', xs: 'fit-content' }}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
