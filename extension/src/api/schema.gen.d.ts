// Generated from shared/openapi.json by `npm run api:types` (openapi-typescript). Do not edit by hand.

export interface paths {
  '/v1/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Health check (queries the database) */
    get: operations['getV1Health'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/openapi.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This document */
    get: operations['getV1OpenapiJson'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create an account and sign in */
    post: operations['postV1AuthRegister'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in */
    post: operations['postV1AuthLogin'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Trade a refresh token for new tokens (the old one is spent) */
    post: operations['postV1AuthRefresh'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End the login of a refresh token */
    post: operations['postV1AuthLogout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/site/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Start signing in (or linking, with `link`): 302 to the site's authorize page */
    get: operations['getV1AuthSiteStart'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/site/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The redirect_uri: 302 to the return page with #code=, #link_code= or #error= */
    get: operations['getV1AuthSiteCallback'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/site/exchange': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Trade the one-time code (and, on a first sign-in, the birthdate) for tokens */
    post: operations['postV1AuthSiteExchange'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/facebook/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Start linking Facebook (needs `link`): 302 to the Facebook dialog */
    get: operations['getV1AuthFacebookStart'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/facebook/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Facebook’s redirect_uri: 302 to the return page with #link_code= or #error= */
    get: operations['getV1AuthFacebookCallback'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller */
    get: operations['getV1Me'];
    put?: never;
    post?: never;
    /** Delete the account (needs the password) */
    delete: operations['deleteV1Me'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** DM settings */
    get: operations['getV1MeSettings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change DM settings */
    patch: operations['patchV1MeSettings'];
    trace?: never;
  };
  '/v1/me/blocks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** People the caller blocked, newest first */
    get: operations['getV1MeBlocks'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Everything the service holds about the caller, as a download */
    get: operations['getV1MeExport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/contacts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Replace the synced contacts (hashes) */
    put: operations['putV1MeContacts'];
    post?: never;
    /** Forget the synced contacts */
    delete: operations['deleteV1MeContacts'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/suggested': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Suggested friends from the synced contacts */
    get: operations['getV1MeSuggested'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/unread': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Unread conversations per box */
    get: operations['getV1MeUnread'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/site-link': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A single-use ticket (5 minutes) to link your video-site account */
    post: operations['postV1MeSiteLink'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/site-link/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm the #link_code of a link flow: the site account is linked to yours */
    post: operations['postV1MeSiteLinkConfirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/identifiers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your verified email and phone */
    get: operations['getV1MeIdentifiers'];
    put?: never;
    /** Send a 6-digit code to your email or phone (15 minutes, 5 tries; 5 codes an hour) */
    post: operations['postV1MeIdentifiers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/identifiers/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm the code: the identifier becomes yours (and leaves any other account) */
    post: operations['postV1MeIdentifiersConfirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/identifiers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove one of your identifiers */
    delete: operations['deleteV1MeIdentifiersById'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/facebook-link': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether Facebook is linked */
    get: operations['getV1MeFacebookLink'];
    put?: never;
    /** A single-use ticket (5 minutes) to link Facebook */
    post: operations['postV1MeFacebookLink'];
    /** Unlink Facebook and forget the friends it found */
    delete: operations['deleteV1MeFacebookLink'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/facebook-link/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm the #link_code of a Facebook link flow: its friends become suggested friends */
    post: operations['postV1MeFacebookLinkConfirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search people by handle or name */
    get: operations['getV1Users'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/users/{handle}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One person */
    get: operations['getV1UsersByHandle'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/users/{handle}/follow': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Follow */
    put: operations['putV1UsersByHandleFollow'];
    post?: never;
    /** Unfollow */
    delete: operations['deleteV1UsersByHandleFollow'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/users/{handle}/block': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Block */
    put: operations['putV1UsersByHandleBlock'];
    post?: never;
    /** Unblock */
    delete: operations['deleteV1UsersByHandleBlock'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Inbox or requests, by last activity */
    get: operations['getV1Conversations'];
    put?: never;
    /** Open a direct conversation, or create a group */
    post: operations['postV1Conversations'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One conversation */
    get: operations['getV1ConversationsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Rename a group (owner) */
    patch: operations['patchV1ConversationsById'];
    trace?: never;
  };
  '/v1/conversations/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accept a request */
    post: operations['postV1ConversationsByIdAccept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations/{id}/decline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Decline a request */
    post: operations['postV1ConversationsByIdDecline'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations/{id}/report': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Report a conversation (optionally block) */
    post: operations['postV1ConversationsByIdReport'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark read up to a seq */
    post: operations['postV1ConversationsByIdRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations/{id}/mute': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Mute */
    put: operations['putV1ConversationsByIdMute'];
    post?: never;
    /** Unmute */
    delete: operations['deleteV1ConversationsByIdMute'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations/{id}/leave': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Leave a group, or hide a direct conversation */
    post: operations['postV1ConversationsByIdLeave'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations/{id}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add members */
    post: operations['postV1ConversationsByIdMembers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations/{id}/members/{handle}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a member (owner), or yourself */
    delete: operations['deleteV1ConversationsByIdMembersByHandle'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations/{id}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Message history, by seq */
    get: operations['getV1ConversationsByIdMessages'];
    put?: never;
    /** Send a message (idempotent by clientId) */
    post: operations['postV1ConversationsByIdMessages'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations/{id}/typing': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Say you are typing: a live event to the other members, never stored */
    post: operations['postV1ConversationsByIdTyping'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/messages/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Unsend (sender only) */
    delete: operations['deleteV1MessagesById'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/messages/{id}/hide': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Hide a message for the caller */
    post: operations['postV1MessagesByIdHide'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/messages/{id}/reaction': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** React (one emoji per person) */
    put: operations['putV1MessagesByIdReaction'];
    post?: never;
    /** Remove the caller's reaction */
    delete: operations['deleteV1MessagesByIdReaction'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/stream/ticket': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Trade the access token for a single-use stream ticket */
    post: operations['postV1StreamTicket'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Open the event stream (WebSocket upgrade) */
    get: operations['getV1Stream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Reports by status */
    get: operations['getV1AdminReports'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/reports/{id}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Resolve a report */
    post: operations['postV1AdminReportsByIdResolve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/users/{handle}/suspension': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Suspend an account */
    put: operations['putV1AdminUsersByHandleSuspension'];
    post?: never;
    /** Lift a suspension */
    delete: operations['deleteV1AdminUsersByHandleSuspension'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/dev/outbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Development only (404 elsewhere): the codes that would have been sent to `to` */
    get: operations['getV1DevOutbox'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    StreamEvent:
      | {
          /** @constant */
          type: 'message';
          message: components['schemas']['Message'];
        }
      | {
          /** @constant */
          type: 'message_unsent';
          conversationId: string;
          messageId: string;
          seq: number;
        }
      | {
          /** @constant */
          type: 'reaction';
          conversationId: string;
          messageId: string;
          reactions: components['schemas']['Reaction'][];
        }
      | {
          /** @constant */
          type: 'read';
          conversationId: string;
          userId: string;
          seq: number;
        }
      | {
          /** @constant */
          type: 'conversation';
          conversation: components['schemas']['Conversation'];
        }
      | {
          /** @constant */
          type: 'unread';
          inbox: number;
          requests: number;
        }
      | {
          /** @constant */
          type: 'typing';
          conversationId: string;
          userId: string;
        };
    /** @description The body of every error response. */
    ErrorBody: {
      error: {
        /** @enum {string} */
        code:
          | 'invalid_request'
          | 'unauthorized'
          | 'invalid_credentials'
          | 'cannot_message'
          | 'dms_unavailable'
          | 'age_restricted'
          | 'forbidden'
          | 'not_found'
          | 'birthdate_required'
          | 'handle_taken'
          | 'too_large'
          | 'rate_limited'
          | 'request_limit'
          | 'internal'
          | 'unavailable';
        message: string;
        details?: {
          [key: string]: unknown;
        };
      };
    };
    Health: {
      /** @constant */
      ok: true;
    };
    /** @description An OpenAPI 3.1 document */
    OpenApiDocument: {
      openapi: string;
    } & {
      [key: string]: unknown;
    };
    AuthResult: {
      user: components['schemas']['Me'];
      accessToken: string;
      refreshToken: string;
      expiresIn: number;
    };
    /** @description The signed-in person. */
    Me: {
      id: string;
      handle: string;
      displayName: string;
      avatarUrl: string | null;
      /** Format: date */
      birthdate: string;
      ageGroup: components['schemas']['AgeGroup'];
      /** @description The account proved, through the video site's own sign-in, that it owns this handle there. */
      verified: boolean;
      /** Format: date-time */
      createdAt: string;
    };
    /** @enum {string} */
    AgeGroup: '13-15' | '16-17' | 'adult';
    RegisterBody: {
      handle: string;
      password: string;
      birthdate: string;
      displayName?: string;
    };
    LoginBody: {
      handle: string;
      password: string;
    };
    RefreshBody: {
      refreshToken: string;
    };
    SiteExchangeResult: {
      user: components['schemas']['Me'];
      accessToken: string;
      refreshToken: string;
      expiresIn: number;
      created: boolean;
    };
    SiteExchangeBody: {
      code: string;
      birthdate?: string;
    };
    Settings: {
      dmPolicy: components['schemas']['DmPolicy'];
      readReceipts: boolean;
    };
    /** @enum {string} */
    DmPolicy: 'everyone' | 'suggested' | 'friends' | 'no_one';
    SettingsPatch: {
      /** @enum {string} */
      dmPolicy?: 'everyone' | 'suggested' | 'friends' | 'no_one';
      readReceipts?: boolean;
    };
    UserPage: {
      users: components['schemas']['User'][];
      cursor: string | null;
    };
    /** @description Another person as the caller sees them. */
    User: {
      id: string;
      handle: string;
      displayName: string;
      avatarUrl: string | null;
      /** @description The account proved, through the video site's own sign-in, that it owns this handle there. */
      verified: boolean;
      youFollow: boolean;
      followsYou: boolean;
      isFriend: boolean;
      canMessage: boolean;
    };
    DeleteMeBody: {
      password: string;
    };
    /** @description Everything the service holds about one account. */
    AccountExport: {
      /** Format: date-time */
      exportedAt: string;
      profile: components['schemas']['Me'];
      settings: components['schemas']['Settings'] | null;
      following: string[];
      followers: string[];
      blocked: string[];
      identifiers: {
        count: number;
        byKind: {
          [key: string]: number;
        };
      };
      syncedContacts: number;
      conversations: {
        id: string;
        /** @enum {string} */
        kind: 'direct' | 'group';
        title: string | null;
        status: string;
        role: string;
        /** Format: date-time */
        joinedAt: string;
        /** Format: date-time */
        createdAt: string;
        members: {
          handle: string | null;
          role: string;
        }[];
      }[];
      messages: {
        id: string;
        conversationId: string;
        seq: number;
        sender: string | null;
        mine: boolean;
        kind: string;
        text: string | null;
        videoUrl: string | null;
        event: components['schemas']['ConversationEvent'] | null;
        /** Format: date-time */
        createdAt: string;
        unsentAt: string | null;
      }[];
      myReactions: {
        messageId: string;
        emoji: string;
        /** Format: date-time */
        createdAt: string;
      }[];
    };
    /** @description A member change shown in the conversation ("alice added carol"); `kind: "event"` messages carry it. */
    ConversationEvent: {
      /** @enum {string} */
      type: 'created' | 'added' | 'removed' | 'left' | 'renamed';
      actor: {
        id: string;
        handle: string;
      };
      targets: {
        id: string;
        handle: string;
      }[];
      title: string | null;
    };
    ContactsMatched: {
      matched: number;
    };
    ContactsBody: {
      hashes: string[];
    };
    UserList: {
      users: components['schemas']['User'][];
    };
    /** @description Unread conversations (not messages), muted ones left out. */
    UnreadCounts: {
      inbox: number;
      requests: number;
    };
    LinkTicket: {
      ticket: string;
    };
    LinkConfirmBody: {
      code: string;
    };
    IdentifierStartBody: {
      /** @enum {string} */
      kind: 'email' | 'phone';
      value: string;
    };
    Identifier: {
      id: string;
      /** @enum {string} */
      kind: 'email' | 'phone';
      hint: string;
      /** Format: date-time */
      verifiedAt: string;
    };
    IdentifierConfirmBody: {
      /** @enum {string} */
      kind: 'email' | 'phone';
      value: string;
      code: string;
    };
    IdentifierList: {
      identifiers: components['schemas']['Identifier'][];
    };
    FacebookLink: {
      linked: boolean;
    };
    ConversationPage: {
      conversations: components['schemas']['Conversation'][];
      cursor: string | null;
    };
    Conversation: {
      id: string;
      /** @enum {string} */
      kind: 'direct' | 'group';
      title: string | null;
      members: components['schemas']['Member'][];
      status: components['schemas']['MemberStatus'];
      muted: boolean;
      unreadCount: number;
      lastMessage: components['schemas']['Message'] | null;
      /** Format: date-time */
      lastActivityAt: string;
      /** Format: date-time */
      createdAt: string;
    };
    Member: {
      id: string;
      handle: string;
      displayName: string;
      avatarUrl: string | null;
      /** @description The account proved, through the video site's own sign-in, that it owns this handle there. */
      verified: boolean;
      role: components['schemas']['MemberRole'];
      lastReadSeq: number | null;
    };
    /** @enum {string} */
    MemberRole: 'owner' | 'member';
    /** @enum {string} */
    MemberStatus: 'accepted' | 'request';
    Message: {
      id: string;
      conversationId: string;
      seq: number;
      sender: {
        id: string;
        handle: string;
        displayName: string;
      };
      /** @enum {string} */
      kind: 'text' | 'video' | 'event';
      text: string | null;
      video: components['schemas']['VideoAttachment'] | null;
      event?: components['schemas']['ConversationEvent'] | null;
      reactions: components['schemas']['Reaction'][];
      clientId: string | null;
      /** Format: date-time */
      createdAt: string;
      unsentAt: string | null;
      replyTo?: components['schemas']['QuotedMessage'] | null;
    };
    VideoAttachment: {
      url: string;
      videoId: string | null;
      authorHandle: string | null;
      title: string | null;
      thumbnailUrl: string | null;
    };
    Reaction: {
      emoji: string;
      count: number;
      mine: boolean;
    };
    QuotedMessage: {
      id: string;
      sender: {
        id: string;
        handle: string;
        displayName: string;
      };
      /** @enum {string} */
      kind: 'text' | 'video';
      text: string | null;
      unsent: boolean;
    };
    CreateConversationBody: {
      members: string[];
      title?: string;
      /** @description Groups only: the same clientId again from the same person answers the group it already created (200) */
      clientId?: string;
    };
    ReportFiled: {
      reportId: string;
    };
    ReportBody: {
      /** @enum {string} */
      reason: 'spam' | 'harassment' | 'hate' | 'nudity' | 'violence' | 'self_harm' | 'scam' | 'other';
      messageIds?: string[];
      note?: string;
      block?: boolean;
    };
    ReadBody: {
      seq: number;
    };
    RenameConversationBody: {
      title: string;
    };
    AddMembersBody: {
      handles: string[];
    };
    MessagePage: {
      messages: components['schemas']['Message'][];
      hasMore: boolean;
    };
    SendMessageBody: {
      clientId: string;
      text?: string;
      video?: {
        url: string;
      };
      replyTo?: string;
    };
    ReactionBody: {
      emoji: string;
    };
    /** @description A single-use ticket for `GET /v1/stream?ticket=`, valid for 30 seconds. */
    StreamTicket: {
      ticket: string;
    };
    ReportPage: {
      reports: components['schemas']['AdminReport'][];
      cursor: string | null;
    };
    /** @description A report as moderators see it, with the messages copied when it was filed. */
    AdminReport: {
      id: string;
      /** @enum {string} */
      status: 'open' | 'resolved';
      reason: string;
      note: string | null;
      action: ('dismiss' | 'suspend') | null;
      conversationId: string;
      reporter: {
        id: string;
        handle: string | null;
      } | null;
      reportedUser: {
        id: string;
        handle: string | null;
        displayName: string;
        suspendedAt: string | null;
      } | null;
      messages: components['schemas']['Message'][];
      /** Format: date-time */
      createdAt: string;
      resolvedAt: string | null;
    };
    ResolvedReport: {
      report: components['schemas']['AdminReport'];
    };
    ResolveReportBody: {
      /** @enum {string} */
      action: 'dismiss' | 'suspend';
    };
    Outbox: {
      messages: components['schemas']['OutboxMessage'][];
    };
    OutboxMessage: {
      to: string;
      text: string;
      code: string;
      sentAt: string;
    };
  };
  responses: {
    /** @description invalid_request: the body, query or path does not match the schema (`details.issues` names each field) */
    InvalidRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorBody'];
      };
    };
    /** @description unauthorized or invalid_credentials: no valid token, or a wrong handle or password */
    Unauthorized: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorBody'];
      };
    };
    /** @description cannot_message, dms_unavailable, age_restricted or forbidden */
    Forbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorBody'];
      };
    };
    /** @description not_found: no such resource, or the caller may not see it */
    NotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorBody'];
      };
    };
    /** @description handle_taken */
    Conflict: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorBody'];
      };
    };
    /** @description too_large: the body is over the limit (64 KiB; 384 KiB for a contacts sync) */
    TooLarge: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorBody'];
      };
    };
    /** @description rate_limited or request_limit; `Retry-After` says when to try again where a window applies */
    RateLimited: {
      headers: {
        /** @description Seconds until a retry may succeed */
        'Retry-After'?: number;
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorBody'];
      };
    };
  };
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getV1Health: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The worker and its database answer */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Health'];
        };
      };
    };
  };
  getV1OpenapiJson: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The OpenAPI 3.1 document of the API */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OpenApiDocument'];
        };
      };
    };
  };
  postV1AuthRegister: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RegisterBody'];
      };
    };
    responses: {
      /** @description The new account, signed in */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthResult'];
        };
      };
      400: components['responses']['InvalidRequest'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      413: components['responses']['TooLarge'];
      429: components['responses']['RateLimited'];
    };
  };
  postV1AuthLogin: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginBody'];
      };
    };
    responses: {
      /** @description Signed in */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthResult'];
        };
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      413: components['responses']['TooLarge'];
      429: components['responses']['RateLimited'];
    };
  };
  postV1AuthRefresh: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RefreshBody'];
      };
    };
    responses: {
      /** @description New tokens */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthResult'];
        };
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      413: components['responses']['TooLarge'];
    };
  };
  postV1AuthLogout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RefreshBody'];
      };
    };
    responses: {
      /** @description Signed out */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['InvalidRequest'];
      413: components['responses']['TooLarge'];
    };
  };
  getV1AuthSiteStart: {
    parameters: {
      query: {
        return: string;
        link?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description To the authorize page, or to the return page with #error=invalid_link */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['InvalidRequest'];
    };
  };
  getV1AuthSiteCallback: {
    parameters: {
      query?: {
        code?: string;
        state?: string;
        error?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description To the return page */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['InvalidRequest'];
    };
  };
  postV1AuthSiteExchange: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SiteExchangeBody'];
      };
    };
    responses: {
      /** @description Signed in; `created` on a first sign-in */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SiteExchangeResult'];
        };
      };
      400: components['responses']['InvalidRequest'];
      403: components['responses']['Forbidden'];
      413: components['responses']['TooLarge'];
    };
  };
  getV1AuthFacebookStart: {
    parameters: {
      query: {
        return: string;
        link?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description To the dialog, or to the return page with #error=invalid_link */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['InvalidRequest'];
    };
  };
  getV1AuthFacebookCallback: {
    parameters: {
      query?: {
        code?: string;
        state?: string;
        error?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description To the return page */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['InvalidRequest'];
    };
  };
  getV1Me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The caller */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Me'];
        };
      };
      401: components['responses']['Unauthorized'];
    };
  };
  deleteV1Me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DeleteMeBody'];
      };
    };
    responses: {
      /** @description The account is gone */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      413: components['responses']['TooLarge'];
      429: components['responses']['RateLimited'];
    };
  };
  getV1MeSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The settings */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Settings'];
        };
      };
      401: components['responses']['Unauthorized'];
    };
  };
  patchV1MeSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SettingsPatch'];
      };
    };
    responses: {
      /** @description The settings after the change */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Settings'];
        };
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      413: components['responses']['TooLarge'];
    };
  };
  getV1MeBlocks: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserPage'];
        };
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
    };
  };
  getV1MeExport: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The export document */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AccountExport'];
        };
      };
      401: components['responses']['Unauthorized'];
    };
  };
  putV1MeContacts: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ContactsBody'];
      };
    };
    responses: {
      /** @description How many hashes matched an account */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactsMatched'];
        };
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      413: components['responses']['TooLarge'];
      429: components['responses']['RateLimited'];
    };
  };
  deleteV1MeContacts: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Forgotten */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthorized'];
    };
  };
  getV1MeSuggested: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The suggestions */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserList'];
        };
      };
      401: components['responses']['Unauthorized'];
    };
  };
  getV1MeUnread: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The counts */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnreadCounts'];
        };
      };
      401: components['responses']['Unauthorized'];
    };
  };
  postV1MeSiteLink: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The ticket, for `start?link=` */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LinkTicket'];
        };
      };
      401: components['responses']['Unauthorized'];
    };
  };
  postV1MeSiteLinkConfirm: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LinkConfirmBody'];
      };
    };
    responses: {
      /** @description Your account, with the site's username as handle, verified */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Me'];
        };
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      413: components['responses']['TooLarge'];
    };
  };
  getV1MeIdentifiers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Your identifiers, as hints */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IdentifierList'];
        };
      };
      401: components['responses']['Unauthorized'];
    };
  };
  postV1MeIdentifiers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['IdentifierStartBody'];
      };
    };
    responses: {
      /** @description Sent */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      413: components['responses']['TooLarge'];
      429: components['responses']['RateLimited'];
    };
  };
  postV1MeIdentifiersConfirm: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['IdentifierConfirmBody'];
      };
    };
    responses: {
      /** @description The verified identifier */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Identifier'];
        };
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      413: components['responses']['TooLarge'];
    };
  };
  deleteV1MeIdentifiersById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  getV1MeFacebookLink: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Whether it is linked */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FacebookLink'];
        };
      };
      401: components['responses']['Unauthorized'];
    };
  };
  postV1MeFacebookLink: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The ticket, for `start?link=` */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LinkTicket'];
        };
      };
      401: components['responses']['Unauthorized'];
    };
  };
  deleteV1MeFacebookLink: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Unlinked */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthorized'];
    };
  };
  postV1MeFacebookLinkConfirm: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LinkConfirmBody'];
      };
    };
    responses: {
      /** @description Linked */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FacebookLink'];
        };
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      413: components['responses']['TooLarge'];
    };
  };
  getV1Users: {
    parameters: {
      query: {
        q: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Matches */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserList'];
        };
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
    };
  };
  getV1UsersByHandle: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        handle: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The person */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['User'];
        };
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  putV1UsersByHandleFollow: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        handle: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Following */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  deleteV1UsersByHandleFollow: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        handle: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Not following */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  putV1UsersByHandleBlock: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        handle: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Blocked (nothing to do for an unknown handle) */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
    };
  };
  deleteV1UsersByHandleBlock: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        handle: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Not blocked */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
    };
  };
  getV1Conversations: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
        box?: 'inbox' | 'requests';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConversationPage'];
        };
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
    };
  };
  postV1Conversations: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateConversationBody'];
      };
    };
    responses: {
      /** @description The existing direct conversation, or the group this clientId already created */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Conversation'];
        };
      };
      /** @description The new conversation */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Conversation'];
        };
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['TooLarge'];
      429: components['responses']['RateLimited'];
    };
  };
  getV1ConversationsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The conversation */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Conversation'];
        };
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  patchV1ConversationsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RenameConversationBody'];
      };
    };
    responses: {
      /** @description The renamed group */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Conversation'];
        };
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['TooLarge'];
    };
  };
  postV1ConversationsByIdAccept: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The conversation, now in the inbox */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Conversation'];
        };
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  postV1ConversationsByIdDecline: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Declined */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  postV1ConversationsByIdReport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReportBody'];
      };
    };
    responses: {
      /** @description The report */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportFiled'];
        };
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
      413: components['responses']['TooLarge'];
      429: components['responses']['RateLimited'];
    };
  };
  postV1ConversationsByIdRead: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReadBody'];
      };
    };
    responses: {
      /** @description Marked */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
      413: components['responses']['TooLarge'];
    };
  };
  putV1ConversationsByIdMute: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Muted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  deleteV1ConversationsByIdMute: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Unmuted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  postV1ConversationsByIdLeave: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Left */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  postV1ConversationsByIdMembers: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AddMembersBody'];
      };
    };
    responses: {
      /** @description The group with its new members */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Conversation'];
        };
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['TooLarge'];
      429: components['responses']['RateLimited'];
    };
  };
  deleteV1ConversationsByIdMembersByHandle: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        handle: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  getV1ConversationsByIdMessages: {
    parameters: {
      query?: {
        before?: number;
        after?: number;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessagePage'];
        };
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  postV1ConversationsByIdMessages: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SendMessageBody'];
      };
    };
    responses: {
      /** @description The message first stored with this clientId */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Message'];
        };
      };
      /** @description The stored message */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Message'];
        };
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['TooLarge'];
      429: components['responses']['RateLimited'];
    };
  };
  postV1ConversationsByIdTyping: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Told (or, for a request not yet accepted, nobody told) */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
      429: components['responses']['RateLimited'];
    };
  };
  deleteV1MessagesById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Unsent */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  postV1MessagesByIdHide: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Hidden */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  putV1MessagesByIdReaction: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReactionBody'];
      };
    };
    responses: {
      /** @description Reacted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['TooLarge'];
    };
  };
  deleteV1MessagesByIdReaction: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  postV1StreamTicket: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A ticket valid for 30 seconds */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StreamTicket'];
        };
      };
      401: components['responses']['Unauthorized'];
      429: components['responses']['RateLimited'];
    };
  };
  getV1Stream: {
    parameters: {
      query: {
        ticket: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Switching to a WebSocket; events arrive as JSON text frames (StreamEvent) */
      101: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
    };
  };
  getV1AdminReports: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
        status?: 'open' | 'resolved';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportPage'];
        };
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
    };
  };
  postV1AdminReportsByIdResolve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ResolveReportBody'];
      };
    };
    responses: {
      /** @description The resolved report */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ResolvedReport'];
        };
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
      413: components['responses']['TooLarge'];
    };
  };
  putV1AdminUsersByHandleSuspension: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        handle: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Suspended */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  deleteV1AdminUsersByHandleSuspension: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        handle: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Not suspended */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  getV1DevOutbox: {
    parameters: {
      query: {
        to: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The newest 50 codes */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Outbox'];
        };
      };
      400: components['responses']['InvalidRequest'];
      404: components['responses']['NotFound'];
    };
  };
}
