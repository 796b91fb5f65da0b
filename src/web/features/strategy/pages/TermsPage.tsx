import { useState } from 'react';
import { Badge, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FORM_STYLE } from '../components/formStyle';
import { fieldErrors } from '../../../app/api';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import { useStrategyMutation, useTerms, type Term, type Terms } from '../api/strategy';
import { ScrollTable } from '../../../shared/ui/ScrollTable';

type Kind = keyof Terms;
type Input = { kind: Kind; key: string; label: string; archived: boolean };
const KINDS: Kind[] = ['sigtelinje', 'reform_goal', 'pedagogical_goal'];

/** A key from a label: lower case ASCII, Danish letters spelt out, words joined by "_". */
export const keyOf = (label: string) =>
  label
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);

function TermRow({ kind, term }: { kind: Kind; term: Term }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState(term.label);
  const save = useStrategyMutation<Input>('PUT', () => '/strategy/terms');
  const errors = fieldErrors(save.error);
  const changed = label.trim() !== term.label;
  return (
    <Table.Tr data-testid={`term-${kind}-${term.key}`}>
      <Table.Td>
        <form
          noValidate
          style={FORM_STYLE}
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ kind, key: term.key, label, archived: term.archived });
          }}
        >
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <TextInput aria-label={t('strategy.terms.labelFor', { key: term.key })} value={label} onChange={(e) => setLabel(e.currentTarget.value)} error={errors.label ?? errors.key} style={{ flex: 1 }} />
            <Button type="submit" variant="light" disabled={!changed} loading={save.isPending && save.variables?.archived === term.archived}>
              {t('strategy.terms.rename')}
            </Button>
          </Group>
        </form>
      </Table.Td>
      <Table.Td>
        <Group gap={6}>
          {term.builtIn ? (
            <Badge variant="outline" color="gray.7">
              {t('strategy.terms.builtIn')}
            </Badge>
          ) : (
            <Badge variant="outline" color="teal.9">
              {t('strategy.terms.own')}
            </Badge>
          )}
          {term.archived ? <Badge color="gray.7">{t('strategy.terms.archived')}</Badge> : null}
        </Group>
      </Table.Td>
      <Table.Td>
        <Button
          size="xs"
          variant="subtle"
          onClick={() => save.mutate({ kind, key: term.key, label: term.label, archived: !term.archived })}
          aria-label={t(term.archived ? 'strategy.terms.restoreLabel' : 'strategy.terms.archiveLabel', { label: term.label })}
        >
          {term.archived ? t('strategy.terms.restore') : t('strategy.terms.archive')}
        </Button>
        {save.error && !errors.label ? <ProblemAlert error={save.error} /> : null}
      </Table.Td>
    </Table.Tr>
  );
}

function AddGoal() {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  const add = useStrategyMutation<Input>('PUT', () => '/strategy/terms');
  const errors = fieldErrors(add.error);
  return (
    <form
      noValidate
      style={FORM_STYLE}
      aria-label={t('strategy.terms.addGoal')}
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ kind: 'pedagogical_goal', key: keyOf(label) || 'x', label, archived: false }, { onSuccess: () => setLabel('') });
      }}
    >
      <Group align="flex-end" gap="xs">
        <TextInput label={t('strategy.terms.newGoal')} description={t('strategy.terms.newGoalHint')} value={label} onChange={(e) => setLabel(e.currentTarget.value)} error={errors.label ?? errors.key} style={{ flex: '1 1 260px' }} />
        <Button type="submit" loading={add.isPending} disabled={!label.trim()}>
          {t('strategy.terms.addGoal')}
        </Button>
      </Group>
    </form>
  );
}

/** /strategi/begreber: the school's own names for the sigtelinjer, the reform goals and the pedagogical goals. */
export function TermsPage() {
  const { t } = useTranslation();
  const terms = useTerms();
  return (
    <>
      <PageHeader eyebrow={t('nav.strategyGroup')} title={t('strategy.terms.title')} description={t('strategy.terms.lead')} />
      <QueryState query={terms}>
        {(all) => (
          <Stack gap="lg">
            {KINDS.map((kind) => (
              <Card key={kind}>
                <Title order={2} fz="lg" mb={4} id={`terms-${kind}`}>
                  {t(`strategy.terms.kinds.${kind}`)}
                </Title>
                <Text size="sm" c="dimmed" mb="sm">
                  {t(`strategy.terms.hints.${kind}`)}
                </Text>
                <ScrollTable minWidth={560} labelledBy={`terms-${kind}`}>
                  <Table aria-labelledby={`terms-${kind}`}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('strategy.terms.label')}</Table.Th>
                        <Table.Th scope="col">{t('strategy.terms.origin')}</Table.Th>
                        <Table.Th scope="col">{t('common.actions')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {all[kind].map((term) => (
                        <TermRow key={`${term.key}:${term.label}:${term.archived}`} kind={kind} term={term} />
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
                {kind === 'pedagogical_goal' ? <AddGoal /> : null}
              </Card>
            ))}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
