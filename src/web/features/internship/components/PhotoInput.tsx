import { useEffect, useRef, useState } from 'react';
import { ActionIcon, Button, Group, Image, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCamera, IconTrash, IconVideo } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

type Props = { photos: File[]; onPhotos: (files: File[]) => void; video: File | null; onVideo: (file: File | null) => void };

/**
 * Photos straight from the phone's camera (`capture="environment"` opens the back camera; on a
 * computer it is an ordinary file picker) and one short video file. Large buttons for a thumb;
 * chosen photos are previewed from memory before anything is sent.
 */
export function PhotoInput({ photos, onPhotos, video, onVideo }: Props) {
  const { t } = useTranslation();
  const photoRef = useRef<HTMLInputElement>(null);
  const videoRef = useRef<HTMLInputElement>(null);
  const previews = usePreviews(photos);
  return (
    <Stack gap="xs">
      <input
        ref={photoRef}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        hidden
        aria-label={t('internship.entry.takePhoto')}
        data-testid="photo-input"
        onChange={(e) => {
          const chosen = Array.from(e.currentTarget.files ?? []);
          if (chosen.length > 0) onPhotos([...photos, ...chosen]);
          e.currentTarget.value = '';
        }}
      />
      <input
        ref={videoRef}
        type="file"
        accept="video/mp4,video/webm,video/quicktime"
        hidden
        aria-label={t('internship.entry.chooseVideo')}
        onChange={(e) => {
          onVideo(e.currentTarget.files?.[0] ?? null);
          e.currentTarget.value = '';
        }}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Button size="md" leftSection={<IconCamera size={20} aria-hidden />} onClick={() => photoRef.current?.click()}>
          {t('internship.entry.takePhoto')}
        </Button>
        <Button size="md" variant="light" leftSection={<IconVideo size={20} aria-hidden />} onClick={() => videoRef.current?.click()}>
          {t('internship.entry.chooseVideo')}
        </Button>
      </SimpleGrid>
      {previews.length > 0 ? (
        <SimpleGrid cols={{ base: 3, sm: 4 }} spacing="xs">
          {previews.map((p, i) => (
            <div key={i} style={{ position: 'relative' }}>
              <Image src={p.url} alt={t('internship.entry.photoPreview', { n: i + 1 })} radius="sm" h={96} fit="cover" />
              <ActionIcon
                color="red.9"
                variant="filled"
                size="md"
                pos="absolute"
                top={4}
                right={4}
                aria-label={t('internship.entry.removePhoto', { n: i + 1 })}
                onClick={() => onPhotos(photos.filter((f) => f !== p.file))}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </div>
          ))}
        </SimpleGrid>
      ) : null}
      {video ? (
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <Text size="sm" truncate>
            {t('internship.entry.videoChosen', { name: video.name })}
          </Text>
          <Button size="xs" variant="subtle" color="red.9" onClick={() => onVideo(null)}>
            {t('internship.entry.removeVideo')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

/**
 * The chosen photos as data: URLs, read in the browser. The page's Content-Security-Policy allows
 * images from the app and data: only (no blob:), and nothing leaves the phone before "Gem".
 */
function usePreviews(photos: File[]): { file: File; url: string }[] {
  const [previews, setPreviews] = useState<{ file: File; url: string }[]>([]);
  useEffect(() => {
    let cancelled = false;
    const read = (file: File) =>
      new Promise<{ file: File; url: string }>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve({ file, url: typeof reader.result === 'string' ? reader.result : '' });
        reader.onerror = () => resolve({ file, url: '' });
        reader.readAsDataURL(file);
      });
    void Promise.all(photos.map(read)).then((read) => {
      if (!cancelled) setPreviews(read);
    });
    return () => {
      cancelled = true;
    };
  }, [photos]);
  return previews;
}
