// Why: GraphiQL (React, from the vendored UMD builds the page loads first) takes the page's frame. Its fetcher posts
// to the admin's execute endpoint with the cookie and the page's antiforgery token in a header, so queries run as the
// signed-in editor; the schema for the docs explorer comes the same way, by GraphiQL's introspection query.
const frame = document.getElementById('graphiql');
const { React, ReactDOM, GraphiQL } = window;

if (frame && React && ReactDOM && GraphiQL) {
  const fetcher = async (params) => {
    const response = await fetch(frame.dataset.url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        [frame.dataset.tokenHeader]: frame.dataset.token,
      },
      body: JSON.stringify(params),
    });
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      // A signed-out session answers with a page, not JSON: say so in the results pane.
      return { errors: [{ message: `The server answered ${response.status} without a GraphQL result. Sign in again and reload this page.` }] };
    }
  };
  frame.replaceChildren();
  ReactDOM.createRoot(frame).render(React.createElement(GraphiQL, {
    fetcher,
    defaultQuery: frame.dataset.query,
    defaultEditorToolsVisibility: false,
    shouldPersistHeaders: false,
  }));
}

// GraphiQL's editors are CodeMirror instances whose typing surface is an unlabelled textarea inside a scroll box that
// CodeMirror keeps out of the tab order (tabindex -1): each gets a name and the scroll box a tab stop, whenever
// GraphiQL draws one.
const editorName = (textarea) => {
  if (textarea.readOnly || textarea.closest('.result-window')) return 'Result';
  if (textarea.closest('.graphiql-query-editor')) return 'GraphQL query';
  const tool = textarea.closest('.graphiql-editor-tool');
  if (tool) {
    const editors = [...tool.querySelectorAll('.graphiql-editor')];
    return editors.indexOf(textarea.closest('.graphiql-editor')) === 1 ? 'Request headers' : 'Query variables';
  }
  return 'Editor';
};
const nameEditors = () => {
  for (const textarea of frame.querySelectorAll('.CodeMirror textarea:not([aria-label])')) {
    textarea.setAttribute('aria-label', editorName(textarea));
  }
  for (const scroll of frame.querySelectorAll('.CodeMirror-scroll:not([tabindex="0"])')) {
    scroll.setAttribute('tabindex', '0');
  }
};
if (frame) {
  new MutationObserver(nameEditors).observe(frame, { childList: true, subtree: true });
  nameEditors();
}

