// Why: markdown textareas get EasyMDE's toolbar when scripts run; the textarea stays the form's input (EasyMDE
// writes back to it on submit), so saving and the no-script Preview button work the same. Its own preview is off:
// the Preview button shows the server's sanitized rendering, the one GraphQL serves.
for (const textarea of document.querySelectorAll('textarea[data-markdown-editor]')) {
  if (typeof window.EasyMDE !== 'function') break;
  // eslint-disable-next-line no-new
  new window.EasyMDE({
    element: textarea,
    forceSync: true,
    spellChecker: false,
    status: false,
    autoDownloadFontAwesome: false,
    toolbar: ['bold', 'italic', 'heading', '|', 'quote', 'unordered-list', 'ordered-list', '|', 'link'],
  });
}
