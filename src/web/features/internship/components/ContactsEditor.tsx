import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import type { TCompanyContact } from '../../../../shared/api/internship';

type Contact = { name: string; email: string; phone: string; role: string };
const blank: Contact = { name: '', email: '', phone: '', role: '' };
const toForm = (c: TCompanyContact): Contact => ({ name: c.name, email: c.email ?? '', phone: c.phone ?? '', role: c.role ?? '' });
const fromForm = (c: Contact): TCompanyContact => ({ name: c.name.trim(), email: c.email.trim() || null, phone: c.phone.trim() || null, role: c.role.trim() || null });

/** A company's contact people: shown as a list, edited in place by those who may edit the company. */
export function ContactsEditor({ contacts, canEdit, pending, error, onSave }: { contacts: TCompanyContact[]; canEdit: boolean; pending: boolean; error: unknown; onSave: (c: TCompanyContact[]) => void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Contact[] | null>(null);
  if (!rows)
    return (
      <Stack gap="xs">
        {contacts.length === 0 ? <Text size="sm" c="dimmed">{t('internship.company.noContacts')}</Text> : null}
        {contacts.map((c, i) => (
          <Text size="sm" key={`${c.name}-${i}`}>
            <Text span fw={600}>{c.name}</Text>
            {c.role ? `, ${c.role}` : ''}
            {c.email ? ` · ${c.email}` : ''}
            {c.phone ? ` · ${c.phone}` : ''}
          </Text>
        ))}
        {canEdit ? (
          <Button size="xs" variant="light" w="fit-content" onClick={() => setRows(contacts.length ? contacts.map(toForm) : [blank])}>
            {t('internship.company.editContacts')}
          </Button>
        ) : null}
      </Stack>
    );
  const update = (i: number, k: keyof Contact, value: string) => setRows(rows.map((r, j) => (j === i ? { ...r, [k]: value } : r)));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSave(rows.filter((r) => r.name.trim()).map(fromForm));
        setRows(null);
      }}
    >
      <Stack gap="sm">
        <ProblemAlert error={error} />
        {rows.map((r, i) => (
          <Group key={i} gap="xs" align="flex-end" wrap="wrap">
            <TextInput size="xs" label={t('internship.company.contactName')} value={r.name} onChange={(e) => update(i, 'name', e.currentTarget.value)} style={{ flex: '1 1 140px' }} />
            <TextInput size="xs" label={t('internship.company.contactRole')} value={r.role} onChange={(e) => update(i, 'role', e.currentTarget.value)} style={{ flex: '1 1 110px' }} />
            <TextInput size="xs" label={t('internship.company.contactEmail')} type="email" value={r.email} onChange={(e) => update(i, 'email', e.currentTarget.value)} style={{ flex: '1 1 160px' }} />
            <TextInput size="xs" label={t('internship.company.contactPhone')} type="tel" value={r.phone} onChange={(e) => update(i, 'phone', e.currentTarget.value)} style={{ flex: '1 1 100px' }} />
            <ActionIcon variant="subtle" color="red.9" aria-label={t('internship.company.removeContact', { n: i + 1 })} onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Group gap="xs">
          <Button size="xs" variant="subtle" onClick={() => setRows([...rows, blank])}>{t('internship.company.addContact')}</Button>
          <Button size="xs" type="submit" loading={pending}>{t('common.save')}</Button>
          <Button size="xs" variant="subtle" onClick={() => setRows(null)}>{t('common.cancel')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
