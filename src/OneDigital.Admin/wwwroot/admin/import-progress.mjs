// Why: while an import runs its page asks for the import's status every second, says how far it got in the page's
// polite live region, and reloads once the import has ended to show the report. Without it, the page's link refreshes.
const region = document.getElementById('import-progress');
const url = region?.dataset.statusUrl;

async function poll() {
    try {
        const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
        if (response.ok) {
            const status = await response.json();
            if (!status.running) {
                window.location.reload();
                return;
            }
            const text = region.querySelector('p');
            if (text && text.textContent !== status.message) text.textContent = status.message;
        }
    } catch {
        // A missed poll is retried; the page's refresh link still works.
    }
    window.setTimeout(poll, 1000);
}

if (region && url) window.setTimeout(poll, 1000);
