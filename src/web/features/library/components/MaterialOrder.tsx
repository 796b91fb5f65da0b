import { ActionIcon, Group, Input, Select, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconX } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Option = { value: string; label: string };
type Props = { label: string; value: string[]; options: Option[]; onChange: (ids: string[]) => void };

/**
 * A forløb's linked materials in order: buttons move one up or down (keyboard and screen-reader
 * friendly, focus follows the moved item, the move is announced) or remove it; a select adds one.
 */
export function MaterialOrder({ label, value, options, onChange }: Props) {
  const { t } = useTranslation();
  const [announce, setAnnounce] = useState('');
  const refs = useRef(new Map<string, HTMLButtonElement | null>());
  const titleOf = (id: string) => options.find((o) => o.value === id)?.label ?? id;
  const move = (index: number, delta: -1 | 1) => {
    const next = [...value];
    const [id] = next.splice(index, 1);
    if (!id) return;
    const to = index + delta;
    next.splice(to, 0, id);
    onChange(next);
    setAnnounce(t('library.reorder.moved', { title: titleOf(id), position: to + 1 }));
    // keep the focus on the same button of the moved material (or the other one at an end)
    const key = `${id}:${delta < 0 && to > 0 ? 'up' : delta > 0 && to < next.length - 1 ? 'down' : delta < 0 ? 'down' : 'up'}`;
    requestAnimationFrame(() => refs.current.get(key)?.focus());
  };
  return (
    <Input.Wrapper label={label} id="materials-order">
      <Stack gap={6} mt={4}>
        {value.length ? (
          <ol style={{ margin: 0, paddingLeft: 24 }} data-testid="material-order">
            {value.map((id, i) => (
              <li key={id} style={{ padding: '2px 0' }}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm">{titleOf(id)}</Text>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      color="gray.8"
                      aria-label={t('library.reorder.up', { title: titleOf(id) })}
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                      ref={(el) => {
                        refs.current.set(`${id}:up`, el);
                      }}
                    >
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray.8"
                      aria-label={t('library.reorder.down', { title: titleOf(id) })}
                      disabled={i === value.length - 1}
                      onClick={() => move(i, 1)}
                      ref={(el) => {
                        refs.current.set(`${id}:down`, el);
                      }}
                    >
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red.9" aria-label={t('library.reorder.remove', { title: titleOf(id) })} onClick={() => onChange(value.filter((x) => x !== id))}>
                      <IconX size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                </Group>
              </li>
            ))}
          </ol>
        ) : (
          <Text size="sm" c="dimmed">
            {t('library.item.noMaterials')}
          </Text>
        )}
        <Select
          label={t('library.reorder.add')}
          data={options.filter((o) => !value.includes(o.value))}
          value={null}
          onChange={(id) => id && onChange([...value, id])}
          searchable
          clearable
        />
        <VisuallyHidden role="status" aria-live="polite">
          {announce}
        </VisuallyHidden>
      </Stack>
    </Input.Wrapper>
  );
}
