import '@mantine/tiptap/styles.css';
import { Input, Text } from '@mantine/core';
import { Link, RichTextEditor } from '@mantine/tiptap';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

type Props = { id: string; label: string; description?: string; value: string; onChange: (html: string) => void; disabled?: boolean; required?: boolean };

/** One relation-model field as a rich-text editor; the server sanitises what it stores. */
export function RichField({ id, label, description, value, onChange, disabled, required }: Props) {
  const { t } = useTranslation();
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: false, heading: { levels: [2, 3, 4] } }), Link.configure({ openOnClick: false, protocols: ['http', 'https', 'mailto'] })],
    content: value,
    editable: !disabled,
    immediatelyRender: true,
    editorProps: { attributes: { 'aria-label': t('library.form.editor', { field: label }), 'aria-describedby': `${id}-desc`, role: 'textbox', 'aria-multiline': 'true', id, 'data-testid': `rich-${id}` } },
    onUpdate: ({ editor: e }) => onChange(e.getHTML()),
  });
  useEffect(() => {
    editor?.setEditable(!disabled);
  }, [editor, disabled]);
  return (
    <Input.Wrapper label={label} required={required} labelProps={{ htmlFor: id }} description={<Text span size="xs" id={`${id}-desc`}>{description}</Text>}>
      <RichTextEditor editor={editor} variant="subtle">
        {!disabled ? (
          <RichTextEditor.Toolbar>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.Bold />
              <RichTextEditor.Italic />
              <RichTextEditor.H3 />
              <RichTextEditor.BulletList />
              <RichTextEditor.OrderedList />
              <RichTextEditor.Link />
              <RichTextEditor.Unlink />
            </RichTextEditor.ControlsGroup>
          </RichTextEditor.Toolbar>
        ) : null}
        <RichTextEditor.Content />
      </RichTextEditor>
    </Input.Wrapper>
  );
}
