// Suggests a technical name from the display name as it is typed, until the technical name is typed in itself.
// Without this script the server makes the same suggestion when the technical name is left empty.
for (const form of document.querySelectorAll('form[data-suggest-name]')) {
  const display = form.querySelector('input[name="DisplayName"]');
  const name = form.querySelector('input[name="Name"]');
  if (!display || !name) continue;
  let typed = name.value.length > 0;
  name.addEventListener('input', () => { typed = name.value.length > 0; });
  display.addEventListener('input', () => {
    if (typed) return;
    const words = display.value.match(/[A-Za-z0-9]+/g) ?? [];
    name.value = words.map(w => w[0].toUpperCase() + w.slice(1)).join('').replace(/^[0-9]+/, '').slice(0, 64);
  });
}
