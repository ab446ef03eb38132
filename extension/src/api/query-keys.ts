import type { Box } from './client.ts';

/**
 * Every key of the panel's query cache, one per resource. Keys nest, so invalidating `conversation(id)`
 * also invalidates that conversation's messages, and `conversationLists` both boxes.
 */
export const queryKeys = {
  conversationLists: ['conversations'] as const,
  conversationList: (box: Box) => ['conversations', box] as const,
  anyConversation: ['conversation'] as const,
  conversation: (id: string) => ['conversation', id] as const,
  messages: (id: string) => ['conversation', id, 'messages'] as const,
  unread: ['unread'] as const,
  settings: ['settings'] as const,
  blocks: ['blocks'] as const,
  user: (handle: string) => ['user', handle] as const,
  suggested: ['suggested'] as const,
  userSearch: (query: string) => ['user-search', query] as const,
};
