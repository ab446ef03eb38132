import type { VideoAttachment } from '@clipdm/shared';
import { t } from '../../browser/i18n.ts';
import { isSafeImageUrl } from '../../ui/Avatar.tsx';
import { isVideoSiteUrl, openVideoInCurrentTab } from './video-hosts.ts';

/**
 * A shared video: thumbnail, title and author; activating it opens the video in the current tab.
 * In a request the preview stays hidden (the sender could be anyone) and only a label shows.
 */
export function VideoCard({ video, hidePreview = false }: { video: VideoAttachment; hidePreview?: boolean }) {
  if (hidePreview) return <p class="video-hidden">{t('videoHiddenUntilAccepted')}</p>;
  const openable = isVideoSiteUrl(video.url);
  const thumbnail = video.thumbnailUrl && isSafeImageUrl(video.thumbnailUrl) ? video.thumbnailUrl : null;
  const title = video.title ?? t('videoUntitled');
  // The link's name starts with "Open video:" and contains the visible text, as speech users say it.
  const visible = video.authorHandle ? `${title} @${video.authorHandle}` : title;
  const content = (
    <>
      {thumbnail ? (
        <img class="video-thumb" src={thumbnail} alt="" loading="lazy" />
      ) : (
        <span class="video-thumb placeholder" aria-hidden="true">
          ▶
        </span>
      )}
      <span class="video-meta">
        <bdi class="video-title">{title}</bdi>{' '}
        {video.authorHandle && <span class="quiet">@{video.authorHandle}</span>}
      </span>
    </>
  );
  if (!openable) return <div class="video-card">{content}</div>;
  return (
    <a
      class="video-card"
      href={video.url}
      onClick={(event) => {
        event.preventDefault();
        void openVideoInCurrentTab(video.url);
      }}
      aria-label={t('openVideo', visible)}
    >
      {content}
    </a>
  );
}
