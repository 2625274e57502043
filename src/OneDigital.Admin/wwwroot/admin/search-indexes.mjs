// Why: a rebuild of a large site takes a while; the index's page follows it without reloads. Every second while a
// rebuild or reset is queued or running, the page reads the index's status JSON and updates the summary sentence
// (a polite live region), the progress bar and the facts. Without scripts the page's Refresh link does the same.
const POLL_MS = 1000;

for (const panel of document.querySelectorAll('[data-status-url]')) {
  const summary = panel.querySelector('[role="status"]');
  const bar = panel.querySelector('progress');
  const documents = document.querySelector('[data-testid="facts"] [data-testid="documents"]');
  const lag = document.querySelector('[data-testid="facts"] [data-testid="lag"]');
  let stopped = false;

  const poll = async () => {
    if (stopped) return;
    let status;
    try {
      const response = await fetch(panel.dataset.statusUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (!response.ok) throw new Error(String(response.status));
      status = await response.json();
    } catch {
      // A server restarting or a sign-in that expired: try again a little later; the Refresh link still works.
      setTimeout(poll, POLL_MS * 5);
      return;
    }
    panel.dataset.state = status.state;
    if (summary.textContent !== status.summary) summary.textContent = status.summary;
    bar.max = Math.max(1, status.total);
    bar.value = status.done;
    bar.textContent = `${status.done} of ${status.total}`;
    if (documents && status.documents !== null) documents.textContent = status.documents.toLocaleString('en-GB');
    if (lag) lag.textContent = status.lag.toLocaleString('en-GB');
    if (status.state === 'queued' || status.state === 'running') setTimeout(poll, POLL_MS);
  };

  // Polled only while something is to happen; a finished page stays quiet.
  if (panel.dataset.state === 'queued' || panel.dataset.state === 'running') setTimeout(poll, POLL_MS);
  window.addEventListener('pagehide', () => { stopped = true; });
}
