import type { ConversationEvent } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { eventText } from '../src/features/groups/group-event-text.ts';
import { previewText } from '../src/features/inbox/message-preview.ts';
import { ME, member, message } from './fixtures.ts';

const members = [member(ME.id, ME.displayName), member('u-alice', 'Alice'), member('u-carol', 'Carol')];

const event = (extra: Partial<ConversationEvent>): ConversationEvent => ({
  type: 'added',
  actor: { id: 'u-alice', handle: 'alice' },
  targets: [],
  title: null,
  ...extra,
});

describe('eventText', () => {
  it('names known members by display name and others by @handle', () => {
    const added = event({
      targets: [
        { id: 'u-carol', handle: 'carol' },
        { id: 'u-dave', handle: 'dave' },
      ],
    });
    expect(eventText(added, members, ME.id)).toBe('Alice added Carol, @dave');
  });

  it('says "You" for the viewer, as actor or target', () => {
    expect(eventText(event({ type: 'created', actor: { id: ME.id, handle: 'me' } }), members, ME.id)).toBe(
      'You created the group',
    );
    expect(eventText(event({ targets: [{ id: ME.id, handle: 'me' }] }), members, ME.id)).toBe(
      'Alice added You',
    );
  });

  it('says "Deleted account" for a person whose handle is blank', () => {
    const removed = event({
      type: 'removed',
      actor: { id: 'u-gone', handle: '' },
      targets: [{ id: 'u-zed', handle: '' }],
    });
    expect(eventText(removed, members, ME.id)).toBe('Deleted account removed Deleted account');
  });

  it('prefers the members list even when the event knows the handle, and falls back without a list', () => {
    expect(eventText(event({ type: 'left' }), members, ME.id)).toBe('Alice left');
    expect(eventText(event({ type: 'left' }), [], ME.id)).toBe('@alice left');
    expect(eventText(event({ type: 'renamed', title: 'Picnic' }), members, ME.id)).toBe(
      'Alice named the group "Picnic"',
    );
  });

  it('says "Group updated" when the message carries no event', () => {
    expect(eventText(null, members, ME.id)).toBe('Group updated');
  });
});

describe('previewText of a group change', () => {
  it('shows the change with names, and nothing in front of it', () => {
    const last = message(4, {
      kind: 'event',
      text: null,
      event: event({ targets: [{ id: 'u-carol', handle: 'carol' }] }),
    });
    expect(previewText(last, ME.id, true, members)).toBe('Alice added Carol');
    expect(previewText(last, ME.id, true)).toBe('@alice added @carol');
  });
});
