import type { Conversation, Member } from '@clipdm/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { type ApiFailure, asFailure } from '../../api/http.ts';
import { t } from '../../browser/i18n.ts';
import { plural } from '../../browser/plural.ts';
import { Avatar } from '../../ui/Avatar.tsx';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { AddMembers } from './AddMembers.tsx';
import { LeaveGroup } from './LeaveGroup.tsx';
import { RenameGroup } from './RenameGroup.tsx';

/**
 * A group's details: its members, and what the viewer may change — the name and removing people (the
 * owner), adding people (any member), leaving (anyone). The server has the last word on each.
 */
export function GroupDetails({
  conversation,
  myId,
  onChange,
  onLeft,
}: {
  conversation: Conversation;
  myId: string;
  onChange: (conversation: Conversation) => void;
  onLeft: () => void;
}) {
  const [error, setError] = useState<ApiFailure | null>(null);
  // Removing someone is asked first: a slip of the finger would take them out of the conversation.
  const [confirming, setConfirming] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const isOwner = conversation.members.some((m) => m.id === myId && m.role === 'owner');

  async function remove(member: Member) {
    try {
      await api.removeMember(conversation.id, member.handle);
      onChange({ ...conversation, members: conversation.members.filter((m) => m.id !== member.id) });
      setError(null);
      // The button that had focus is gone: keep the keyboard user in this list.
      heading.current?.focus();
    } catch (e) {
      setError(asFailure(e));
    }
  }

  return (
    <section class="group-details" aria-labelledby="group-details-heading">
      <h3 id="group-details-heading" tabIndex={-1} ref={heading}>
        {plural('groupMembersCount', conversation.members.length)}
      </h3>
      <ErrorNote error={error} />
      <ul class="rows">
        {conversation.members.map((member) => (
          <li key={member.id} class="member-row">
            <span class="person">
              <Avatar name={member.displayName} url={member.avatarUrl} />
              <span class="person-text">
                <bdi class="person-name">{member.id === myId ? t('you') : member.displayName}</bdi>
                <span class="quiet"> @{member.handle}</span>
                {member.role === 'owner' && <span class="badge-text">{t('groupOwner')}</span>}
              </span>
            </span>
            {isOwner && member.id !== myId && confirming !== member.id && (
              <button
                type="button"
                class="small"
                aria-label={t('removeMember', member.displayName)}
                onClick={() => setConfirming(member.id)}
              >
                {t('remove')}
              </button>
            )}
            {confirming === member.id && (
              <fieldset class="confirm">
                <legend>{t('removeMemberConfirm', member.displayName)}</legend>
                <button
                  type="button"
                  class="small danger"
                  onClick={() => {
                    setConfirming(null);
                    void remove(member);
                  }}
                >
                  {t('remove')}
                </button>
                <button type="button" class="small" onClick={() => setConfirming(null)}>
                  {t('cancel')}
                </button>
              </fieldset>
            )}
          </li>
        ))}
      </ul>
      <AddMembers conversation={conversation} onAdded={onChange} />
      {isOwner && <RenameGroup conversation={conversation} onRenamed={onChange} />}
      <LeaveGroup conversation={conversation} myId={myId} onLeft={onLeft} />
    </section>
  );
}
