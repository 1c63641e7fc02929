/** The GA 467 codec: pure functions and a streaming decoder, bytes in and out. */
export * from './frame';
export * from './decoder';
export * from './status';
export * from './layouts';
export * from './text-block';
export * from './read-reply';
export * from './tables';
export * from './dates';
export * from './id-number';
