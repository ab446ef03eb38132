import { RENDER_MARKS } from '../../features/inbox/render-marks.ts';

// Imported first by main.tsx, so the mark is set before the rest of the panel's modules run.
performance.mark(RENDER_MARKS.panelStart);
