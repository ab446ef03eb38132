import { useState } from 'preact/hooks';
import { initials } from './display-names.ts';

/** https pictures, or the local fixture site's over loopback http (as the worker allows for thumbnails). */
export function isSafeImageUrl(url: string): boolean {
  return /^https:\/\//.test(url) || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(url);
}

/**
 * A round picture, or initials when there is none, it fails to load, or `hidden` is set
 * (requests: a stranger's picture is not loaded until the request is accepted).
 */
export function Avatar({
  name,
  url,
  hidden = false,
}: {
  name: string;
  url: string | null;
  hidden?: boolean;
}) {
  const [broken, setBroken] = useState(false);
  const showImage = url && !hidden && !broken && isSafeImageUrl(url);
  return (
    <span class="avatar" aria-hidden="true">
      {showImage ? <img src={url} alt="" loading="lazy" onError={() => setBroken(true)} /> : initials(name)}
    </span>
  );
}
