import type { Change } from '@/contract/revisions';

/*
 * STAND-IN, written by the manage helper so its mock compiles: the public-history helper writes
 * the real file (the history and change-list handlers over these changes); keep theirs on merge.
 */

/** A publication, correction or (un)verification, for the public history and /changes. */
export function recordChange(change: Change): void {
  void change;
}

export function resetPublicHistory(): void {}
