export * from './lines.js';
export * from './projected.js';
export * from './eligibility.js';
