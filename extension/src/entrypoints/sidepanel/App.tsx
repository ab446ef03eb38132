import type { Conversation, Me } from '@clipdm/shared';
import { QueryClientProvider } from '@tanstack/preact-query';
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { createQueryClient } from '../../api/query-client.ts';
import { t } from '../../browser/i18n.ts';
import { useOfflineCopies } from '../../browser/keep-offline-copies.ts';
import { savedChatsItem, savedListsItem } from '../../browser/offline-cache.ts';
import { sessionItem } from '../../browser/storage-items.ts';
import { useStorageValue } from '../../browser/use-storage-value.ts';
import { ConversationView } from '../../features/conversation/ConversationView.tsx';
import { NewGroupView } from '../../features/groups/NewGroupView.tsx';
import { InboxView } from '../../features/inbox/InboxView.tsx';
import { useUnread } from '../../features/inbox/use-unread-counts.ts';
import { ComposeView } from '../../features/people/ComposeView.tsx';
import { RequestsView } from '../../features/requests/RequestsView.tsx';
import { SettingsView } from '../../features/settings/SettingsView.tsx';
import { ShareSheet } from '../../features/share/ShareSheet.tsx';
import { SignIn } from '../../features/sign-in/SignIn.tsx';
import { startPanelLive } from '../../live/panel-events.ts';
import { useLiveQueryCache } from '../../live/use-live-query-cache.ts';
import { useOutboxPump } from '../../outbox/use-outbox.ts';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { type Tab, Tabs } from '../../ui/Tabs.tsx';
import { Toast } from '../../ui/Toast.tsx';
import { flushRemovals } from '../../ui/undoable.ts';
import { useEscape } from '../../ui/use-escape.ts';
import { SignedInAs } from './SignedInAs.tsx';
import { usePendingIntents } from './use-pending-intents.ts';
import { useReturnFocus } from './use-return-focus.ts';

type Route =
  | { name: Tab }
  | { name: 'settings' | 'compose' | 'group' }
  | { name: 'conversation'; id: string; from: Tab };

/** One query cache per signed-in account, fed by the live stream while the panel is open. */
function Signedin({ me }: { me: Me }) {
  const [client] = useState(createQueryClient);
  return (
    <QueryClientProvider client={client}>
      <Panel me={me} />
    </QueryClientProvider>
  );
}

/** The signed-in panel: tabs, the current view, and what arrives from the page or notifications. */
function Panel({ me }: { me: Me }) {
  const [route, go] = useState<Route>({ name: 'inbox' });
  const focus = useReturnFocus();
  // Leaving a list remembers what opened the next view; coming back puts focus there again.
  const setRoute = (next: Route) => {
    if (route.name === 'inbox' || route.name === 'requests') focus.remember();
    go(next);
  };
  useEffect(() => {
    if (route.name === 'inbox' || route.name === 'requests') focus.restore();
  }, [route]);
  const unread = useUnread();
  useOutboxPump();
  useLiveQueryCache();
  useOfflineCopies();
  useEffect(() => startPanelLive(), []);
  const openById = (id: string) => setRoute({ name: 'conversation', id, from: 'inbox' });
  const intents = usePendingIntents(openById);
  const tab: Tab | null = route.name === 'inbox' || route.name === 'requests' ? route.name : null;
  const back: Tab = route.name === 'conversation' ? route.from : 'inbox';
  const open = (from: Tab) => (c: Conversation) =>
    setRoute({ name: 'conversation', id: c.id, from: c.status === 'request' ? 'requests' : from });
  // Escape leaves a conversation or form for the list it came from.
  useEscape(
    tab === null && !intents.shareUrl,
    useCallback(() => setRoute({ name: back }), [back]),
  );

  return (
    <div class="panel">
      <header class="top">
        <div class="top-row">
          <h1>{t('extName')}</h1>
          <SignedInAs me={me} />
          <button
            type="button"
            class="icon"
            data-focus-key="settings"
            aria-label={t('settings')}
            title={t('settings')}
            aria-pressed={route.name === 'settings'}
            onClick={() => setRoute(route.name === 'settings' ? { name: 'inbox' } : { name: 'settings' })}
          >
            <span aria-hidden="true">⚙</span>
          </button>
        </div>
        <Tabs active={tab} unread={unread} onSelect={(name) => setRoute({ name })} />
      </header>
      <ErrorNote error={intents.error} />
      <main>
        {intents.shareUrl ? (
          <ShareSheet
            url={intents.shareUrl}
            myId={me.id}
            onCancel={intents.clearShare}
            onSent={(id) => {
              intents.clearShare();
              if (id) openById(id);
              else go({ name: 'inbox' });
            }}
          />
        ) : route.name === 'inbox' ? (
          <InboxView
            myId={me.id}
            onOpen={open('inbox')}
            onCompose={() => setRoute({ name: 'compose' })}
            onNewGroup={() => setRoute({ name: 'group' })}
          />
        ) : route.name === 'requests' ? (
          <RequestsView myId={me.id} onOpen={open('requests')} />
        ) : route.name === 'conversation' ? (
          <ConversationView
            key={route.id}
            id={route.id}
            myId={me.id}
            onBack={() => setRoute({ name: back })}
            onRemoved={() => setRoute({ name: 'requests' })}
          />
        ) : route.name === 'compose' ? (
          <Back onBack={() => setRoute({ name: 'inbox' })}>
            <ComposeView onOpen={open('inbox')} />
          </Back>
        ) : route.name === 'group' ? (
          <Back onBack={() => setRoute({ name: 'inbox' })}>
            <NewGroupView onOpen={open('inbox')} />
          </Back>
        ) : (
          <Back onBack={() => setRoute({ name: 'inbox' })}>
            <SettingsView me={me} />
          </Back>
        )}
      </main>
      <Toast />
    </div>
  );
}

function Back({ onBack, children }: { onBack: () => void; children: ComponentChildren }) {
  return (
    <>
      <button type="button" class="link back" onClick={onBack}>
        ← {t('back')}
      </button>
      {children}
    </>
  );
}

/** The side panel: the sign-in form, or the signed-in panel. */
export function App() {
  const session = useStorageValue(sessionItem);
  // Saved copies of conversations belong to the account: signing out drops them.
  useEffect(() => {
    if (session === null) void Promise.all([savedListsItem.removeValue(), savedChatsItem.removeValue()]);
  }, [session]);
  // Removals waiting out their Undo go now when the panel closes.
  useEffect(() => {
    window.addEventListener('pagehide', flushRemovals);
    return () => window.removeEventListener('pagehide', flushRemovals);
  }, []);
  if (session === undefined) return <p class="quiet">{t('loading')}</p>;
  if (!session) return <SignIn />;
  return <Signedin key={session.me.id} me={session.me} />;
}
