import '@mantine/tiptap/styles.css';
import { Input } from '@mantine/core';
import { RichTextEditor } from '@mantine/tiptap';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

type Props = { id: string; label: string; value: string; onChange: (html: string) => void; required?: boolean };

/** The logbook's text: a small editor (bold, italic, lists) that fits a phone; the server sanitises what it stores. */
export function RichText({ id, label, value, onChange, required }: Props) {
  const { t } = useTranslation();
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: false, heading: false, codeBlock: false, code: false, blockquote: false })],
    content: value,
    immediatelyRender: true,
    editorProps: { attributes: { 'aria-label': label, role: 'textbox', 'aria-multiline': 'true', id, 'data-testid': `rich-${id}`, style: 'min-height: 140px' } },
    onUpdate: ({ editor: e }) => onChange(e.getHTML()),
  });
  const labels = useMemo(
    () => ({
      boldControlLabel: t('internship.editor.bold'),
      italicControlLabel: t('internship.editor.italic'),
      bulletListControlLabel: t('internship.editor.bulletList'),
      orderedListControlLabel: t('internship.editor.orderedList'),
    }),
    [t],
  );
  return (
    <Input.Wrapper label={label} required={required} labelProps={{ htmlFor: id }}>
      <RichTextEditor editor={editor} variant="subtle" labels={labels}>
        <RichTextEditor.Toolbar>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Bold />
            <RichTextEditor.Italic />
            <RichTextEditor.BulletList />
            <RichTextEditor.OrderedList />
          </RichTextEditor.ControlsGroup>
        </RichTextEditor.Toolbar>
        <RichTextEditor.Content />
      </RichTextEditor>
    </Input.Wrapper>
  );
}
