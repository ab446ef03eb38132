import * as s from '@clipdm/shared';
import type { ZodType } from 'zod';

/**
 * Every operation of the API with the schemas that validate its input. The OpenAPI document is generated
 * from this list and the same schemas the routes validate with, so the two cannot drift apart.
 */
export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  auth: 'none' | 'user' | 'admin';
  body?: ZodType;
  query?: ZodType;
  success: number;
}

export const operations: Operation[] = [
  {
    method: 'get',
    path: '/v1/health',
    summary: 'Health check (queries the database)',
    auth: 'none',
    success: 200,
  },
  { method: 'get', path: '/v1/openapi.json', summary: 'This document', auth: 'none', success: 200 },
  {
    method: 'post',
    path: '/v1/auth/register',
    summary: 'Create an account',
    auth: 'none',
    body: s.registerBody,
    success: 201,
  },
  {
    method: 'post',
    path: '/v1/auth/login',
    summary: 'Sign in',
    auth: 'none',
    body: s.loginBody,
    success: 200,
  },
  {
    method: 'post',
    path: '/v1/auth/refresh',
    summary: 'Rotate a refresh token',
    auth: 'none',
    body: s.refreshBody,
    success: 200,
  },
  {
    method: 'post',
    path: '/v1/auth/logout',
    summary: 'End a login',
    auth: 'none',
    body: s.refreshBody,
    success: 204,
  },
  { method: 'get', path: '/v1/me', summary: 'The caller', auth: 'user', success: 200 },
  { method: 'get', path: '/v1/me/settings', summary: 'DM settings', auth: 'user', success: 200 },
  {
    method: 'patch',
    path: '/v1/me/settings',
    summary: 'Change DM settings',
    auth: 'user',
    body: s.settingsPatch,
    success: 200,
  },
  {
    method: 'get',
    path: '/v1/me/blocks',
    summary: 'Blocked accounts',
    auth: 'user',
    query: s.pageQuery,
    success: 200,
  },
  {
    method: 'get',
    path: '/v1/users',
    summary: 'Search people by prefix',
    auth: 'user',
    query: s.userSearchQuery,
    success: 200,
  },
  { method: 'get', path: '/v1/users/{handle}', summary: 'One person', auth: 'user', success: 200 },
  { method: 'put', path: '/v1/users/{handle}/follow', summary: 'Follow', auth: 'user', success: 204 },
  { method: 'delete', path: '/v1/users/{handle}/follow', summary: 'Unfollow', auth: 'user', success: 204 },
  { method: 'put', path: '/v1/users/{handle}/block', summary: 'Block', auth: 'user', success: 204 },
  { method: 'delete', path: '/v1/users/{handle}/block', summary: 'Unblock', auth: 'user', success: 204 },
  {
    method: 'post',
    path: '/v1/stream/ticket',
    summary: 'A single-use ticket (30 s) to open the live stream',
    auth: 'user',
    success: 200,
  },
  {
    method: 'get',
    path: '/v1/stream',
    summary: 'The live stream: a WebSocket upgrade authenticated by a ticket (see docs/live-events.md)',
    auth: 'none',
    query: s.streamQuery,
    success: 101,
  },
  {
    method: 'delete',
    path: '/v1/messages/{id}',
    summary: 'Unsend (sender only)',
    auth: 'user',
    success: 204,
  },
  {
    method: 'post',
    path: '/v1/messages/{id}/hide',
    summary: 'Hide a message for me',
    auth: 'user',
    success: 204,
  },
  {
    method: 'put',
    path: '/v1/messages/{id}/reaction',
    summary: 'Set or replace my reaction (one emoji)',
    auth: 'user',
    body: s.reactionBody,
    success: 204,
  },
  {
    method: 'delete',
    path: '/v1/messages/{id}/reaction',
    summary: 'Remove my reaction',
    auth: 'user',
    success: 204,
  },
  {
    method: 'delete',
    path: '/v1/me',
    summary: 'Delete my account (messages become tombstones)',
    auth: 'user',
    body: s.deleteMeBody,
    success: 204,
  },
  {
    method: 'get',
    path: '/v1/me/export',
    summary: 'Everything held about me, as one JSON download',
    auth: 'user',
    success: 200,
  },
  {
    method: 'get',
    path: '/v1/admin/reports',
    summary: 'Reports with their copied messages',
    auth: 'admin',
    query: s.reportsQuery,
    success: 200,
  },
  {
    method: 'post',
    path: '/v1/admin/reports/{id}/resolve',
    summary: 'Resolve a report (dismiss or suspend the reported account)',
    auth: 'admin',
    body: s.resolveReportBody,
    success: 200,
  },
  {
    method: 'put',
    path: '/v1/admin/users/{handle}/suspension',
    summary: 'Suspend an account',
    auth: 'admin',
    success: 204,
  },
  {
    method: 'delete',
    path: '/v1/admin/users/{handle}/suspension',
    summary: 'Lift a suspension',
    auth: 'admin',
    success: 204,
  },
];
