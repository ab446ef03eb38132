import { type ComponentChild, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { CONTENT_CSS } from './styles.ts';

export type Island = ShadowRootContentScriptUi<HTMLElement>;

// Keys and clicks inside our UI must not reach the site: it has keyboard shortcuts (arrows change the video)
// and click handlers on whole feed items.
const ISOLATED_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'click',
  'pointerdown',
  'mousedown',
  'pointerup',
  'mouseup',
];

/** Renders `view` inside a fresh shadow root placed after `anchor` (or at the end of `<body>`). */
export async function mountIsland(
  ctx: ContentScriptContext,
  name: string,
  anchor: Element,
  append: 'after' | 'last',
  view: ComponentChild,
): Promise<Island> {
  const ui = await createShadowRootUi<HTMLElement>(ctx, {
    name,
    position: 'inline',
    anchor,
    append,
    css: CONTENT_CSS,
    isolateEvents: ISOLATED_EVENTS,
    onMount: (container) => {
      render(view, container);
      return container;
    },
    onRemove: (container) => {
      if (container) render(null, container);
    },
  });
  ui.mount();
  return ui;
}
