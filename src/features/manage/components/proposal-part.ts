import type { ProposalDraft } from '../lib/proposal-draft';

/** What each part of the proposal form gets: the draft, a way to change it, its problems. */
export interface ProposalPart {
  draft: ProposalDraft;
  update: (patch: Partial<ProposalDraft>) => void;
  /** The problem of a field (by its path in the body), in words; undefined when none. */
  error: (path: string) => string | undefined;
}
