/** The matcher alone, bundled for the memory figure's child process, so that it loads nothing else. */
export { createTermMatcher } from '../../src/matching';
