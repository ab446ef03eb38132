import { type ComponentChild, h } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type Island, mountIsland } from './island.ts';
import { MessageButton } from './MessageButton.tsx';
import { PrivacyChip } from './PrivacyChip.tsx';
import { ShareButton } from './ShareButton.tsx';
import { findProfileTarget, findShareTargets, looksLikeSite } from './site-adapter.ts';

interface Placed {
  key: string;
  island: Promise<Island | null>;
}

/** Keeps our buttons in step with the page: adds them where the adapter finds a place, drops stale ones. */
export function createMounts(ctx: ContentScriptContext) {
  const shares = new Map<Element, Placed>();
  let profile: (Placed & { anchor: Element }) | null = null;
  let chip: Promise<Island | null> | null = null;

  const place = (name: string, anchor: Element, append: 'after' | 'last', view: ComponentChild) =>
    // A page that changes under us mid-mount is not an error worth surfacing: the next sync retries.
    mountIsland(ctx, name, anchor, append, view).catch(() => null);
  const drop = (island: Promise<Island | null>) => island.then((ui) => ui?.remove());
  const stillThere = async (placed: Placed) => (await placed.island)?.shadowHost.isConnected ?? false;

  async function syncShares() {
    const targets = findShareTargets(document, window.location);
    const wanted = new Map(targets.map((target) => [target.anchor, target.videoUrl]));
    for (const [anchor, placed] of shares) {
      if (wanted.get(anchor) !== placed.key || !(await stillThere(placed))) {
        drop(placed.island);
        shares.delete(anchor);
      }
    }
    for (const { anchor, videoUrl } of targets) {
      if (shares.has(anchor)) continue;
      shares.set(anchor, {
        key: videoUrl,
        island: place('clipdm-share', anchor, 'after', h(ShareButton, { videoUrl })),
      });
    }
  }

  async function syncProfile() {
    const target = findProfileTarget(document, window.location);
    if (
      profile &&
      (!target ||
        target.anchor !== profile.anchor ||
        target.handle !== profile.key ||
        !(await stillThere(profile)))
    ) {
      drop(profile.island);
      profile = null;
    }
    if (target && !profile) {
      profile = {
        key: target.handle,
        anchor: target.anchor,
        island: place('clipdm-message', target.anchor, 'after', h(MessageButton, { handle: target.handle })),
      };
    }
  }

  function syncChip(wanted: boolean) {
    if (wanted && !chip) chip = place('clipdm-privacy', document.body, 'last', h(PrivacyChip, {}));
    if (!wanted && chip) {
      drop(chip);
      chip = null;
    }
  }

  return {
    /** Brings the page's UI up to date; answers whether the page is one of the site's (our UI is on it). */
    async sync(): Promise<boolean> {
      await syncShares();
      await syncProfile();
      const present = looksLikeSite(document, window.location);
      syncChip(present);
      return present;
    },
  };
}
