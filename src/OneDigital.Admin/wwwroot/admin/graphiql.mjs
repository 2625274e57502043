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
