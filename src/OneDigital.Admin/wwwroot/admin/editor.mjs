// Why: markdown textareas get EasyMDE's editor when scripts run; the textarea stays the form's input (EasyMDE writes
// back to it), so saving and the no-script Preview button work the same. Its own preview is off: the Preview button
// shows the server's sanitized rendering, the one GraphQL serves. Tab leaves the editor (no keyboard trap), and the
// editor's input is named by the field's label and hint.
for (const textarea of document.querySelectorAll('textarea[data-markdown-editor]')) {
  if (typeof window.EasyMDE !== 'function') break;
  const editor = new window.EasyMDE({
    element: textarea,
    forceSync: true,
    spellChecker: false,
    status: false,
    toolbar: false,
    autoDownloadFontAwesome: false,
  });
  const cm = editor.codemirror;
  cm.setOption('extraKeys', { ...cm.getOption('extraKeys'), Tab: false, 'Shift-Tab': false });
  const input = cm.getInputField();
  const label = document.querySelector(`label[for="${textarea.id}"]`);
  if (label) input.setAttribute('aria-label', label.textContent.trim());
  const describedBy = textarea.getAttribute('aria-describedby');
  if (describedBy) input.setAttribute('aria-describedby', describedBy);
  // The error summary links to the textarea's id, which EasyMDE hides: focus the editor instead.
  window.addEventListener('hashchange', () => { if (location.hash === `#${textarea.id}`) cm.focus(); });
  for (const link of document.querySelectorAll(`a[href="#${textarea.id}"]`)) {
    link.addEventListener('click', (event) => { event.preventDefault(); cm.focus(); });
  }
}
