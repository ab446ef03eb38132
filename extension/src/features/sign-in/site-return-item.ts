import { storage } from 'wxt/utils/storage';

/** The fragment a tab-based provider flow ended with, handed from the return page to the panel. */
export interface SiteReturn {
  fragment: string;
  at: number;
}

export const siteReturnItem = storage.defineItem<SiteReturn | null>('session:siteReturn', { fallback: null });
