import '@mantine/tiptap/styles.css';
import { Input, Text } from '@mantine/core';
import { Link, RichTextEditor } from '@mantine/tiptap';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useMemo } from 'react';
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
  // the toolbar's names and the link editor's texts (Mantine's defaults are English)
  const labels = useMemo(
    () => ({
      boldControlLabel: t('library.editor.bold'),
      italicControlLabel: t('library.editor.italic'),
      h3ControlLabel: t('library.editor.heading'),
      bulletListControlLabel: t('library.editor.bulletList'),
      orderedListControlLabel: t('library.editor.orderedList'),
      linkControlLabel: t('library.editor.link'),
      unlinkControlLabel: t('library.editor.unlink'),
      linkEditorInputLabel: t('library.editor.linkAddress'),
      linkEditorInputPlaceholder: t('library.editor.linkPlaceholder'),
      linkEditorExternalLink: t('library.editor.linkNewTab'),
      linkEditorInternalLink: t('library.editor.linkSameTab'),
      linkEditorSave: t('library.editor.linkSave'),
    }),
    [t],
  );
  // the link editor's new-tab switch is an icon with a tooltip only: give it a name
  const attributes = useMemo(() => ({ linkEditorExternalControl: { 'aria-label': t('library.editor.linkTabToggle') } }), [t]);
  return (
    <Input.Wrapper label={label} required={required} labelProps={{ htmlFor: id }} description={<Text span size="xs" id={`${id}-desc`}>{description}</Text>}>
      <RichTextEditor editor={editor} variant="subtle" labels={labels} attributes={attributes}>
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
