// Why: dragging is an enhancement of the tree page's buttons, for mouse and touch. Every list of the tree (the top
// level and each node's children, an empty one added to each node so a node can be dropped under any other) is one
// SortableJS group, so a node can move between levels. After a drop each node's hidden input is set to
// "id:parentId" in the order shown, which "Save order" posts; a polite live line says where the node went.
if (typeof window.Sortable === 'function') {
  for (const tree of document.querySelectorAll('ol[data-tree]')) {
    const status = tree.parentElement.querySelector('[data-tree-status]');
    const titleOf = (node) => node?.querySelector(':scope > .admin-tree__row [data-node-title]')?.textContent ?? '';

    const place = () => {
      for (const node of tree.querySelectorAll('li[data-node]')) {
        const parent = node.parentElement.closest('li[data-node]');
        node.querySelector(':scope > input[data-node-place]').value = `${node.dataset.node}:${parent ? parent.dataset.node : ''}`;
      }
    };

    const announce = (node) => {
      const parent = node.parentElement.closest('li[data-node]');
      const siblings = [...node.parentElement.children].filter((n) => n.matches('li[data-node]'));
      const where = parent ? `under '${titleOf(parent)}'` : 'at the top level';
      status.textContent = `'${titleOf(node)}' moved ${where}, position ${siblings.indexOf(node) + 1} of ${siblings.length}. Select Save order to keep it.`;
    };

    const sortable = (list) => window.Sortable.create(list, {
      group: 'tree',
      handle: '[data-drag-handle]',
      animation: 150,
      fallbackOnBody: true,
      swapThreshold: 0.65,
      onEnd: (event) => {
        place();
        announce(event.item);
      },
    });

    for (const node of tree.querySelectorAll('li[data-node]')) {
      if (!node.querySelector(':scope > ol')) {
        const children = document.createElement('ol');
        children.className = 'admin-tree__children admin-tree__children--empty';
        node.append(children);
      }
    }
    tree.classList.add('admin-tree--draggable');
    sortable(tree);
    for (const list of tree.querySelectorAll('ol.admin-tree__children')) sortable(list);
  }
}
