import { ActionIcon, Anchor, Button, Card, Checkbox, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TDialogueBoundaryKey, TDialogueTemplates, TDialogueText } from '../../../../shared/api/dialogue';
import { inLang } from '../api/templates';

/** A chosen pair: an existing item keeps its id (and its frozen wording), a new one is named by its pair key. */
export type Choice = { id?: string; pairKey: string; boundary: TDialogueBoundaryKey | null; left: TDialogueText; right: TDialogueText };

type Props = { templates: TDialogueTemplates; chosen: Choice[]; onChange: (chosen: Choice[]) => void; canManage: boolean };

/**
 * The session's pairs: the school's pairs to tick (the nineteen and its own), and the chosen ones in
 * order, each tagged with a boundary type and moved up or down.
 */
export function PairPicker({ templates, chosen, onChange, canManage }: Props) {
  const { t, i18n } = useTranslation();
  const name = (c: { left: TDialogueText; right: TDialogueText }) => t('dialogue.pairName', { left: inLang(c.left, i18n.language), right: inLang(c.right, i18n.language) });
  const boundaries = templates.boundaries.map((b) => ({ value: b.key, label: inLang(b.name, i18n.language) }));
  const chosenKeys = new Set(chosen.map((c) => c.pairKey));
  const available = templates.pairs.filter((p) => !p.archived || chosenKeys.has(p.key));
  const toggle = (key: string) => {
    if (chosenKeys.has(key)) return onChange(chosen.filter((c) => c.pairKey !== key));
    const pair = templates.pairs.find((p) => p.key === key);
    if (pair) onChange([...chosen, { pairKey: key, boundary: null, left: pair.left, right: pair.right }]);
  };
  const move = (i: number, by: number) => {
    const next = [...chosen];
    const [c] = next.splice(i, 1);
    if (c) next.splice(i + by, 0, c);
    onChange(next);
  };
  const tag = (i: number, boundary: string | null) => onChange(chosen.map((c, j) => (j === i ? { ...c, boundary: (boundary as TDialogueBoundaryKey | null) ?? null } : c)));
  return (
    <Stack gap="lg">
      <Card withBorder padding="lg">
        <Title order={2} fz={20} mb={4}>
          {t('dialogue.editor.chosen', { count: chosen.length })}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('dialogue.editor.chosenHint')}
        </Text>
        {chosen.length === 0 ? (
          <Text c="dimmed">{t('dialogue.editor.noneChosen')}</Text>
        ) : (
          <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} data-testid="chosen-pairs">
            {chosen.map((c, i) => (
              <li key={c.pairKey}>
                <Group gap="xs" wrap="wrap" align="flex-end">
                  <Text fw={700} w={28}>
                    {i + 1}.
                  </Text>
                  <Text style={{ flex: '1 1 240px' }}>{name(c)}</Text>
                  <Select
                    label={t('dialogue.editor.boundary')}
                    aria-label={t('dialogue.editor.boundaryFor', { pair: name(c) })}
                    placeholder={t('dialogue.editor.noBoundary')}
                    data={boundaries}
                    value={c.boundary}
                    onChange={(v) => tag(i, v)}
                    clearable
                    w={200}
                    size="sm"
                  />
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon variant="default" size={36} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('dialogue.editor.up', { pair: name(c) })}>
                      <IconArrowUp size={18} />
                    </ActionIcon>
                    <ActionIcon variant="default" size={36} disabled={i === chosen.length - 1} onClick={() => move(i, 1)} aria-label={t('dialogue.editor.down', { pair: name(c) })}>
                      <IconArrowDown size={18} />
                    </ActionIcon>
                    <ActionIcon variant="default" size={36} color="red.9" onClick={() => toggle(c.pairKey)} aria-label={t('dialogue.editor.remove', { pair: name(c) })}>
                      <IconX size={18} />
                    </ActionIcon>
                  </Group>
                </Group>
              </li>
            ))}
          </Stack>
        )}
      </Card>
      <Card withBorder padding="lg">
        <Group justify="space-between" mb="sm" gap="sm">
          <Title order={2} fz={20}>
            {t('dialogue.editor.pairs')}
          </Title>
          <Group gap="xs">
            <Button variant="subtle" size="xs" onClick={() => onChange(available.filter((p) => !p.archived).map((p) => chosen.find((c) => c.pairKey === p.key) ?? { pairKey: p.key, boundary: null, left: p.left, right: p.right }))}>
              {t('dialogue.editor.all')}
            </Button>
            {canManage ? (
              <Anchor component={Link} to="/dialog/spaendingsfelter" size="sm">
                {t('dialogue.editor.ownPair')}
              </Anchor>
            ) : null}
          </Group>
        </Group>
        <Stack gap={6}>
          {available.map((p) => (
            <Checkbox key={p.key} label={name(p)} checked={chosenKeys.has(p.key)} onChange={() => toggle(p.key)} description={p.builtin ? undefined : t('dialogue.templates.own')} />
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}
