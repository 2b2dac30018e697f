export * from './occupancy.js';
export * from './unmet.js';
export * from './why.js';
export * from './words.js';
