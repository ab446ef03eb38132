/**
 * The `performance` marks of the panel's first render (issue 14's budget: 100 conversations on screen in
 * ≤ 100 ms). They exist so the end-to-end suite and `npm run bench` can read the figure from a real
 * Chromium; nothing in the product reads them. Plain names, no imports: Node scripts import this file too.
 */
export const RENDER_MARKS = {
  /** The side panel's script started. */
  panelStart: 'clipdm:panel-start',
  /** The inbox first renders with its conversations: the data is there, the rendering starts. */
  inboxData: 'clipdm:inbox-data',
  /** That render is committed to the DOM; `detail.rows` is how many rows it holds. */
  inboxRendered: 'clipdm:inbox-rendered',
  /** Measure: panel start → rows committed (network wait included). */
  firstRender: 'clipdm:first-render',
  /** Measure: data there → rows committed (render alone). */
  inboxRender: 'clipdm:inbox-render',
} as const;
