export * from './common';
export * from './config';
export * from './panel';
export * from './admin';
export * from './problem-candidates';
export * from './resolvers';
