export * from './dates.js';
export * from './rules.js';
export * from './availability.js';
