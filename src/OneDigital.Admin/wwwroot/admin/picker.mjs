// Why: with scripts a picker's search box is a combobox over its JSON endpoint: choosing adds the item to the chosen
// list (a hidden input and a Remove button, like the server renders) and Remove takes it away without a post. The
// no-script path stays: the Search button still posts the form and shows the matches as checkboxes.
import { combobox, fetchResults } from './combobox.mjs';

const describe = (r) => (r.type ? `${r.text} (${r.type}, ${r.status})` : r.text);

for (const picker of document.querySelectorAll('[data-picker]')) {
  const input = picker.querySelector('[data-picker-input]');
  const listbox = picker.querySelector('[data-picker-listbox]');
  const status = picker.querySelector('[data-picker-status]');
  const chosen = picker.querySelector('[data-picker-chosen]');
  const none = picker.querySelector('[data-picker-none]');
  const name = picker.dataset.pickerName;
  const multiple = picker.dataset.pickerMultiple === 'true';
  const ids = () => [...chosen.querySelectorAll('input[type="hidden"]')].map((i) => i.value);
  const refresh = () => { none.hidden = chosen.children.length > 0; };

  const add = (result) => {
    if (!multiple) chosen.replaceChildren();
    const item = document.createElement('li');
    item.className = 'admin-picker__item';
    const hidden = document.createElement('input');
    hidden.type = 'hidden';
    hidden.name = name;
    hidden.value = result.id;
    const text = document.createElement('span');
    text.className = 'govuk-body govuk-!-margin-0 admin-picker__text';
    text.textContent = describe(result);
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'govuk-button govuk-button--secondary admin-picker__remove';
    remove.dataset.pickerRemove = '';
    remove.append('Remove');
    const hiddenName = document.createElement('span');
    hiddenName.className = 'govuk-visually-hidden';
    hiddenName.textContent = ` ${result.text}`;
    remove.append(hiddenName);
    item.append(hidden, text, remove);
    chosen.append(item);
    refresh();
  };

  chosen.addEventListener('click', (event) => {
    const button = event.target.closest('[data-picker-remove]');
    if (!button) return;
    event.preventDefault();
    const item = button.closest('li');
    const text = item.querySelector('.admin-picker__text').textContent;
    item.remove();
    refresh();
    status.textContent = `Removed ${text}`;
    input.focus();
  });

  combobox({
    input,
    listbox,
    status,
    describe,
    search: () => fetchResults(picker.dataset.pickerUrl, input.value.trim(), ids()),
    choose: (result) => {
      add(result);
      input.value = '';
      const count = ids().length;
      return `Added ${result.text}. ${count} chosen.`;
    },
  });
}
