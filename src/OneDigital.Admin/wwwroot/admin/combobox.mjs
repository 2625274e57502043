// Why: the pickers and the Tags editor share one search-as-you-type behaviour, the ARIA 1.2 combobox with a listbox
// popup: the input keeps focus, arrow keys move the active option (aria-activedescendant), Enter chooses it, Escape
// closes the list (or clears the box), and a polite live region says how many matched. Asking the server is
// debounced and a late answer to an older question is dropped.
export function combobox({ input, listbox, status, search, describe, choose }) {
  let options = [];
  let active = -1;
  let asked = 0;
  let timer;

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listbox.id);

  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const activate = (index) => {
    active = index;
    [...listbox.children].forEach((option, i) => option.setAttribute('aria-selected', i === index ? 'true' : 'false'));
    if (index < 0) {
      input.removeAttribute('aria-activedescendant');
      return;
    }
    const option = listbox.children[index];
    input.setAttribute('aria-activedescendant', option.id);
    option.scrollIntoView({ block: 'nearest' });
  };

  const show = (results) => {
    options = results;
    listbox.replaceChildren(...results.map((result, i) => {
      const option = document.createElement('li');
      option.id = `${listbox.id}-${i}`;
      option.className = 'admin-picker__option';
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.textContent = describe(result);
      // Pressing the mouse would blur the input first; keep focus in the combobox.
      option.addEventListener('mousedown', (event) => event.preventDefault());
      option.addEventListener('click', () => pick(i));
      return option;
    }));
    active = -1;
    input.removeAttribute('aria-activedescendant');
    const open = results.length > 0;
    listbox.hidden = !open;
    input.setAttribute('aria-expanded', open ? 'true' : 'false');
    status.textContent = results.length === 0 ? 'No matches' : `${results.length} ${results.length === 1 ? 'match' : 'matches'}, use up and down arrows to choose`;
  };

  const pick = (index) => {
    const result = options[index];
    close();
    if (result) status.textContent = choose(result) ?? '';
  };

  const ask = async () => {
    const question = ++asked;
    try {
      const results = await search();
      if (question === asked && results) show(results);
    } catch {
      if (question === asked) status.textContent = 'Searching failed; use the Search button instead.';
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(ask, 200);
  });

  input.addEventListener('keydown', (event) => {
    const open = !listbox.hidden;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) { ask(); return; }
        activate(Math.min(active + 1, options.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (open) activate(Math.max(active - 1, 0));
        break;
      case 'Enter':
        // Enter chooses, or searches at once; it never submits the form from here.
        event.preventDefault();
        if (open && active >= 0) pick(active);
        else { clearTimeout(timer); ask(); }
        break;
      case 'Escape':
        if (open) { event.preventDefault(); close(); }
        break;
      default:
        break;
    }
  });

  input.addEventListener('blur', () => close());
  return { close };
}

/** Asks a picker's JSON endpoint; the answer's results, or null when the request failed. */
export async function fetchResults(url, query, except = []) {
  const address = new URL(url, window.location.href);
  address.searchParams.set('q', query);
  for (const id of except) address.searchParams.append('except', id);
  const response = await fetch(address, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) throw new Error(`search answered ${response.status}`);
  return (await response.json()).results;
}
