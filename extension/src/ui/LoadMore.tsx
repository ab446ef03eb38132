import { useEffect, useRef } from 'preact/hooks';
import { t } from '../browser/i18n.ts';

/** Loads the next page when scrolled into view (infinite scroll), and is a button for keyboard users. */
export function LoadMore({ onLoad }: { onLoad: () => void }) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) onLoad();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [onLoad]);
  return (
    <button type="button" ref={ref} class="link load-more" onClick={onLoad}>
      {t('loadMore')}
    </button>
  );
}
