// Why: the readability panel beside each body refreshes as the editor types: half a second after the last key, the
// body is posted to /admin/writing/check (the server runs the same checks a save does) and the results are redrawn.
// The polite status line says what changed, so a screen reader user hears it without losing their place. Without
// scripts the panel shows the checks as of the last save or preview.
const DELAY_MS = 500;
const tags = { Serious: 'govuk-tag--red', Warning: 'govuk-tag--yellow', Advice: 'govuk-tag--grey' };

const countText = (n) => (n === 0 ? 'No findings.' : n === 1 ? '1 finding' : `${n} findings`);

function render(panel, report) {
  const summary = panel.querySelector('[data-writing-summary]');
  summary.replaceChildren();
  if (report.readingAge === null) {
    summary.textContent = 'No text to check yet.';
  } else {
    const strong = (text) => Object.assign(document.createElement('strong'), { textContent: text });
    summary.append('Reading age ', strong(Math.round(report.readingAge).toString()), '. Average sentence ',
      strong(`${Math.round(report.averageSentenceLength)} words`), `. ${report.words} words in ${report.sentences} sentences.`);
  }
  panel.querySelector('[data-writing-count]').textContent = countText(report.findings.length);
  const list = panel.querySelector('[data-testid="writing-findings"]');
  list.replaceChildren(...report.findings.map((finding) => {
    const item = document.createElement('li');
    item.dataset.check = finding.checkId;
    const tag = Object.assign(document.createElement('strong'), { className: `govuk-tag ${tags[finding.severity] ?? ''}`, textContent: finding.severity });
    item.append(tag, ` ${finding.message} `);
    if (finding.excerpt) item.append(Object.assign(document.createElement('q'), { className: 'admin-writing-excerpt', textContent: finding.excerpt }));
    return item;
  }));
  const age = report.readingAge === null ? '' : `, reading age ${Math.round(report.readingAge)}`;
  panel.querySelector('[data-writing-status]').textContent = `Writing checks updated: ${countText(report.findings.length)}${age}.`;
  // The Publish button counts the findings of every body on the form.
  const total = [...document.querySelectorAll('[data-writing-panel] [data-testid="writing-findings"] li')].length;
  const publish = document.querySelector('[data-publish-findings]');
  if (publish) publish.textContent = total === 0 ? '' : ` (${total} writing ${total === 1 ? 'finding' : 'findings'})`;
}

for (const panel of document.querySelectorAll('[data-writing-panel]')) {
  const input = document.getElementById(panel.dataset.for);
  const form = input?.form;
  if (!input || !form) continue;
  let timer;
  let sent = input.value;
  let controller;
  const check = async () => {
    if (input.value === sent) return;
    sent = input.value;
    controller?.abort();
    controller = new AbortController();
    const body = new URLSearchParams({ format: panel.dataset.format, text: sent });
    const token = form.querySelector('input[name="__RequestVerificationToken"]');
    if (token) body.set('__RequestVerificationToken', token.value);
    try {
      const response = await fetch('/admin/writing/check', { method: 'POST', body, signal: controller.signal, credentials: 'same-origin' });
      if (response.ok) render(panel, await response.json());
    } catch (error) {
      if (error.name !== 'AbortError') throw error;
    }
  };
  const schedule = () => { clearTimeout(timer); timer = setTimeout(check, DELAY_MS); };
  // EasyMDE writes back to the textarea (forceSync) without an input event: its own change event is listened for too.
  input.addEventListener('input', schedule);
  const attach = () => {
    const editor = input.nextElementSibling?.querySelector?.('.CodeMirror')?.CodeMirror
      ?? panel.parentElement?.querySelector?.('.CodeMirror')?.CodeMirror;
    if (editor) editor.on('change', schedule);
    return Boolean(editor);
  };
  if (!attach()) setTimeout(attach, 0);
}
