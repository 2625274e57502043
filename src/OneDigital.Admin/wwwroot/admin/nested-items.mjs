// Why: dragging a Bag's or Flow's items is an enhancement of their Move buttons, for mouse and touch. Each item carries
// its hidden Order input, so the next post (a save or any button) takes the order as dragged; the items' names ("Slide
// 2") are renumbered to match what is seen. Without scripts (or SortableJS) the buttons alone work.
for (const list of document.querySelectorAll('ol[data-nested-items]')) {
  if (typeof window.Sortable !== 'function') break;
  list.classList.add('admin-nested__items--draggable');
  window.Sortable.create(list, {
    handle: '[data-drag-handle]',
    animation: 150,
    onEnd: () => {
      [...list.children].forEach((item, index) => {
        for (const title of item.querySelectorAll('[data-nested-title]')) {
          if (title.closest('li.admin-nested__item') !== item) continue;
          const space = title.classList.contains('govuk-visually-hidden') ? ' ' : '';
          title.textContent = `${space}${title.dataset.type} ${index + 1}`;
        }
      });
    },
  });
}
