/**
 * The text field the user last worked in inside a section, so the snippets panel can insert at its cursor and
 * save its selection. Inserting goes through the field itself (value + an input event), so the section editor
 * that owns the field sees an ordinary edit: autosave and undo apply to it as to typing.
 */
export const activeField = $state<{ el: HTMLTextAreaElement | HTMLInputElement | null; sectionId: number | null; selection: string }>({
  el: null,
  sectionId: null,
  selection: '',
});

/** Remembers the field and its selection when focus or selection changes inside a section. */
export function track(sectionId: number) {
  return (node: HTMLElement) => {
    const update = (e: Event) => {
      const el = e.target;
      if (!(el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type === 'text'))) return;
      activeField.el = el;
      activeField.sectionId = sectionId;
      activeField.selection = el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0);
    };
    node.addEventListener('focusin', update);
    node.addEventListener('select', update);
    node.addEventListener('keyup', update);
    node.addEventListener('mouseup', update);
    return () => {
      node.removeEventListener('focusin', update);
      node.removeEventListener('select', update);
      node.removeEventListener('keyup', update);
      node.removeEventListener('mouseup', update);
    };
  };
}

/** Replaces the field's selection with `text` and puts the cursor after it; false if no field is active. */
export function insertText(text: string): boolean {
  const el = activeField.el;
  if (!el || !el.isConnected || el.readOnly || el.disabled) return false;
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? start;
  el.focus();
  el.setRangeText(text, start, end, 'end');
  el.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
}
