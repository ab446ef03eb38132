export * from './age.ts';
export * from './display-text.ts';
export * from './emoji.ts';
export * from './errors.ts';
export * from './identifier-value.ts';
export * from './policy.ts';
export * from './schemas/index.ts';
export * from './video-url.ts';
