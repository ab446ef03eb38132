import type { Conversation, Me } from '@clipdm/shared';
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ComposeView } from '../../components/ComposeView.tsx';
import { ConversationView } from '../../components/ConversationView.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { InboxView } from '../../components/InboxView.tsx';
import { NewGroupView } from '../../components/NewGroupView.tsx';
import { RequestsView } from '../../components/RequestsView.tsx';
import { SettingsView } from '../../components/SettingsView.tsx';
import { ShareSheet } from '../../components/ShareSheet.tsx';
import { SignIn } from '../../components/SignIn.tsx';
import { type Tab, Tabs } from '../../components/Tabs.tsx';
import { t } from '../../lib/i18n.ts';
import { startPanelLive } from '../../lib/panel-live.ts';
import { sessionItem } from '../../lib/storage.ts';
import { useEscape } from '../../lib/use-escape.ts';
import { useOutboxPump } from '../../lib/use-outbox.ts';
import { usePendingIntents } from '../../lib/use-pending-intents.ts';
import { useStorageValue } from '../../lib/use-storage-value.ts';
import { useUnread } from '../../lib/use-unread.ts';

type Route =
  | { name: Tab }
  | { name: 'settings' | 'compose' | 'group' }
  | { name: 'conversation'; id: string; from: Tab };

/** The signed-in panel: tabs, the current view, and what arrives from the page or notifications. */
function Signedin({ me }: { me: Me }) {
  const [route, setRoute] = useState<Route>({ name: 'inbox' });
  const unread = useUnread();
  useOutboxPump();
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
        <h1>{t('extName')}</h1>
        <Tabs active={tab} unread={unread} onSelect={(name) => setRoute({ name })} />
        <button
          type="button"
          class="small"
          aria-pressed={route.name === 'settings'}
          onClick={() => setRoute(route.name === 'settings' ? { name: 'inbox' } : { name: 'settings' })}
        >
          {t('settings')}
        </button>
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
              openById(id);
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
  if (session === undefined) return <p class="quiet">{t('loading')}</p>;
  if (!session) return <SignIn />;
  return <Signedin key={session.me.id} me={session.me} />;
}
