// Why: dragging is an enhancement of the Move buttons, for mouse and touch. Each item carries its hidden input, so the
// form posts the order as dragged; Save order keeps it. Without scripts (or SortableJS) the buttons alone work.
for (const list of document.querySelectorAll('ol[data-list-order]')) {
  if (typeof window.Sortable !== 'function') break;
  list.classList.add('admin-list-order--draggable');
  window.Sortable.create(list, { handle: '[data-drag-handle]', animation: 150 });
}
