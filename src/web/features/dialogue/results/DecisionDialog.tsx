import { useState } from 'react';
import { Alert, Anchor, Button, Checkbox, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api';
import { useSignedIn } from '../../../app/session';
import { todayInCopenhagen } from '../../../shared/dates';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { useDecide, useDecisionPlaces } from './api';

export type DecisionTarget = { sessionId: string; compareWith?: string; pairKey: string; pairName: string; what: string; why: string };

/**
 * "Træf beslutning": what, why, who and when, prefilled from the pair and the sessions; saved in
 * the strategy's decision log with a link back here, and optionally an initiative draft beside it.
 */
export function DecisionDialog({ target, onClose }: { target: DecisionTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const places = useDecisionPlaces();
  const decide = useDecide(target.sessionId);
  const [what, setWhat] = useState(target.what);
  const [why, setWhy] = useState(target.why);
  const [decidedBy, setDecidedBy] = useState(me.person?.name ?? '');
  const [decidedOn, setDecidedOn] = useState(todayInCopenhagen());
  const [place, setPlace] = useState<string | null>(null);
  const [initiative, setInitiative] = useState(false);
  const options = [...(places.schoolWide ? [{ value: 'central', label: t('dialogue.results.decide.central') }] : []), ...places.departments];
  const chosen = place ?? options[0]?.value ?? null;
  const errors = fieldErrors(decide.error);
  const done = decide.data;
  return (
    <Modal opened onClose={onClose} title={t('dialogue.results.decide.title', { pair: target.pairName })} size="lg">
      {done ? (
        <Stack gap="sm">
          <Alert color="teal" title={t('dialogue.results.decide.saved')}>
            <Anchor component={Link} to="/strategi/beslutninger" underline="always">
              {t('dialogue.results.decide.openLog')}
            </Anchor>
            {done.initiativeId ? (
              <>
                {' · '}
                <Anchor component={Link} to={`/strategi/indsatser/${done.initiativeId}`} underline="always">
                  {t('dialogue.results.decide.openInitiative')}
                </Anchor>
              </>
            ) : null}
          </Alert>
          <Group>
            <Button onClick={onClose}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!chosen) return;
            decide.mutate({
              pairKey: target.pairKey,
              ...(target.compareWith ? { compareWith: target.compareWith } : {}),
              level: chosen === 'central' ? 'central' : 'department',
              departmentId: chosen === 'central' ? null : chosen,
              what,
              why,
              decidedBy: decidedBy || undefined,
              decidedOn,
              initiative,
            });
          }}
        >
          <Stack gap="sm">
            <Group grow align="flex-start">
              <Select label={t('dialogue.results.decide.place')} data={options} value={chosen} onChange={setPlace} allowDeselect={false} error={errors.level ?? errors.departmentId} required />
              <TextInput type="date" label={t('dialogue.results.decide.decidedOn')} value={decidedOn} onChange={(e) => setDecidedOn(e.currentTarget.value)} error={errors.decidedOn} required />
            </Group>
            <Textarea label={t('dialogue.results.decide.what')} value={what} onChange={(e) => setWhat(e.currentTarget.value)} error={errors.what} required autosize minRows={2} />
            <Textarea label={t('dialogue.results.decide.why')} value={why} onChange={(e) => setWhy(e.currentTarget.value)} error={errors.why} required autosize minRows={3} />
            <TextInput label={t('dialogue.results.decide.decidedBy')} value={decidedBy} onChange={(e) => setDecidedBy(e.currentTarget.value)} error={errors.decidedBy} />
            <Checkbox label={t('dialogue.results.decide.initiative')} checked={initiative} onChange={(e) => setInitiative(e.currentTarget.checked)} />
            {decide.error ? <ProblemAlert error={decide.error} /> : null}
            <Group>
              <Button type="submit" loading={decide.isPending} disabled={!places.ready || !chosen}>
                {t('dialogue.results.decide.save')}
              </Button>
              <Button variant="subtle" onClick={onClose}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
