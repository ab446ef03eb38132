/**
 * Styles of the on-page UI. They live inside each shadow root (WXT resets inherited styles at the host),
 * so the site's CSS cannot reach in and ours cannot leak out.
 */
export const CONTENT_CSS = `
body { margin: 0; }
.share, .profile, .chip-wrap { font: 500 13px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; color: #161823; }
* { box-sizing: border-box; }
button { font: inherit; cursor: pointer; border: 0; margin: 0; }
button:disabled { cursor: not-allowed; }
button:focus-visible { outline: 3px solid #25f4ee; outline-offset: 2px; }
p { margin: 0; }

.share { display: flex; flex-direction: column; align-items: center; margin: 8px 0; position: relative; }
.round { display: flex; flex-direction: column; align-items: center; gap: 4px; background: none; color: inherit; padding: 0; }
.round-icon { display: grid; place-items: center; width: 48px; height: 48px; border-radius: 50%;
  background: linear-gradient(135deg, #fe2c55, #ff6a3d); color: #fff; box-shadow: 0 2px 8px rgb(254 44 85 / 35%); }
.round:hover .round-icon { filter: brightness(1.08); }
.round:disabled .round-icon { opacity: .6; }
.round-label { font-size: 12px; font-weight: 600; white-space: nowrap; color: #161823; }

/* Beside the site's own red Follow: ours is the quiet grey button the site uses for Message, and it keeps
   its own width when an explanation sits under it. */
.profile { display: inline-flex; flex-direction: column; align-items: flex-start; gap: 6px; margin-left: 8px;
  vertical-align: top; }
.message-button { display: inline-flex; align-items: center; justify-content: center; gap: 8px; height: 40px; min-width: 140px;
  padding: 0 20px; border-radius: 6px; background: #f1f1f2; color: #161823; font-weight: 600; font-size: 15px; }
.message-button:hover { background: #e3e3e5; }
.message-button:disabled { background: #f1f1f2; color: #6f7077; }
.reason { max-width: 260px; color: #57585e; font-size: 12px; }

.chip-wrap { position: fixed; left: 16px; bottom: 16px; z-index: 2147483000; display: flex; flex-direction: column;
  align-items: flex-start; gap: 8px; }
.chip { display: inline-flex; align-items: center; gap: 6px; height: 34px; padding: 0 14px; border-radius: 17px;
  background: #161823; color: #fff; box-shadow: 0 4px 14px rgb(0 0 0 / 25%); font-weight: 600; }
.chip:hover { background: #2f3038; }
.menu { display: flex; flex-direction: column; min-width: 240px; padding: 6px; border-radius: 12px; background: #fff;
  box-shadow: 0 8px 28px rgb(0 0 0 / 28%); }
.menu-title { padding: 8px 10px 6px; color: #57585e; font-size: 12px; }
.menu button { display: flex; flex-direction: column; align-items: flex-start; gap: 2px; padding: 9px 10px;
  border-radius: 8px; background: none; color: #161823; text-align: left; font-size: 14px; }
.menu button:hover:not(:disabled) { background: #f1f1f2; }
.menu button[aria-checked="true"] { background: #fff0f3; color: #c8102e; }
.menu button[aria-checked="true"] span::after { content: " ✓"; }
.menu button:disabled { color: #6f7077; }
.menu small { font-size: 12px; }

.bubble { max-width: 260px; padding: 8px 10px; border-radius: 8px; background: #161823; color: #fff; font-size: 12px;
  box-shadow: 0 4px 14px rgb(0 0 0 / 25%); }
.share .bubble { position: absolute; right: 56px; top: 6px; width: max-content; }
`;
