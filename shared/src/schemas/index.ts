export * from './events.ts';
export * from './identity.ts';
export * from './params.ts';
export * from './requests.ts';
export * from './responses.ts';
