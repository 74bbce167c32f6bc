import { useMemo, useSyncExternalStore } from 'react'
import { draftIds, draftsSnapshot, subscribeToDrafts, type Draft, type DraftsSnapshot } from './draft-store'

const NO_DRAFTS: DraftsSnapshot = { drafts: {}, stored: true }

/** Every conversation's draft, in step with the other tabs. */
export function useDrafts(): DraftsSnapshot {
  return useSyncExternalStore(subscribeToDrafts, draftsSnapshot, () => NO_DRAFTS)
}

/** One conversation's draft, and whether drafts can be stored at all. */
export function useDraft(conversationId: string): { draft: Draft | undefined; stored: boolean } {
  const { drafts, stored } = useDrafts()
  return { draft: drafts[conversationId], stored }
}

/** The conversations that have a draft: for the list to mark them. The same Set while drafts do not change. */
export function useDraftIds(): ReadonlySet<string> {
  const { drafts } = useDrafts()
  return useMemo(() => draftIds(drafts), [drafts])
}
