// Why: the Tags editor is a comma-separated text input that works alone; with scripts it suggests the taxonomy's
// terms for the name being typed (the text after the last comma), and choosing one completes that name. A name that
// matches nothing is kept as typed and becomes a new tag on save, where the taxonomy allows it.
import { combobox, fetchResults } from './combobox.mjs';

for (const tags of document.querySelectorAll('[data-tags]')) {
  const input = tags.querySelector('[data-tags-input]');
  const names = () => input.value.split(',').map((n) => n.trim());
  const typed = () => names().at(-1) ?? '';
  combobox({
    input,
    listbox: tags.querySelector('[data-tags-listbox]'),
    status: tags.querySelector('[data-tags-status]'),
    describe: (r) => r.text,
    search: async () => {
      const entered = names().slice(0, -1).map((n) => n.toLowerCase());
      const results = await fetchResults(tags.dataset.tagsUrl, typed());
      return results.filter((r) => !entered.includes(r.text.toLowerCase()));
    },
    choose: (result) => {
      input.value = `${[...names().slice(0, -1).filter((n) => n.length > 0), result.text].join(', ')}, `;
      return `Added tag ${result.text}`;
    },
  });
}
