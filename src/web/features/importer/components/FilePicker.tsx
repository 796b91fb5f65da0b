import { useRef } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconFileSpreadsheet, IconUpload, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

const ACCEPT = ['text/csv', 'application/vnd.ms-excel', 'text/plain', 'application/octet-stream'];

/** Drop a CSV file here or choose one. */
export function FilePicker({ onFile, loading }: { onFile: (file: File) => void; loading: boolean }) {
  const { t } = useTranslation();
  const openRef = useRef<() => void>(null);
  return (
    <Dropzone
      openRef={openRef}
      onDrop={(files) => {
        const f = files[0];
        if (f) onFile(f);
      }}
      accept={ACCEPT}
      maxFiles={1}
      multiple={false}
      maxSize={20 * 1024 * 1024}
      loading={loading}
      activateOnClick={false}
      aria-label={t('import.dropLabel')}
      inputProps={{ 'aria-label': t('import.chooseFile') }}
      radius="md"
    >
      <Stack align="center" gap="sm" py="lg" style={{ pointerEvents: 'none' }}>
        <Dropzone.Accept>
          <IconUpload size={44} aria-hidden />
        </Dropzone.Accept>
        <Dropzone.Reject>
          <IconX size={44} aria-hidden />
        </Dropzone.Reject>
        <Dropzone.Idle>
          <IconFileSpreadsheet size={44} aria-hidden color="var(--mantine-color-retning-8)" />
        </Dropzone.Idle>
        <Text fw={600} ta="center">
          {t('import.dropTitle')}
        </Text>
        <Text size="sm" c="dimmed" ta="center" maw={460}>
          {t('import.dropHint')}
        </Text>
        <Group style={{ pointerEvents: 'all' }}>
          <Button onClick={() => openRef.current?.()} variant="light">
            {t('import.chooseFile')}
          </Button>
        </Group>
      </Stack>
    </Dropzone>
  );
}
