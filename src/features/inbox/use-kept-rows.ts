import { useCallback, useEffect, useState } from 'react'
import { subscribeToActionPatches } from '../../api/conversation-actions'
import type { ConversationPatch } from '../../api/conversation-cache'
import type { Conversation } from '../../api/schemas/conversation'
import { keepRows } from './kept-rows'

const NONE: ReadonlyMap<string, ConversationPatch> = new Map()

/**
 * The rows of one shown list, kept by id: a row acted on here stays in its place across
 * refetches and live refreshes (`keepRows`) until `forget` (the view refreshed) or the list goes.
 */
export function useKeptRows(list: Conversation[]): { rows: Conversation[]; forget: () => void } {
  const [kept, setKept] = useState(NONE)
  useEffect(
    () =>
      subscribeToActionPatches((id, patch) =>
        setKept((old) => new Map(old).set(id, { ...old.get(id), ...patch })),
      ),
    [],
  )
  // The list last shown, derived during render from the one before (no effect, no extra frame).
  const [shown, setShown] = useState({ list, kept, rows: list })
  let rows = shown.rows
  if (shown.list !== list || shown.kept !== kept) {
    rows = keepRows(shown.rows, list, kept)
    setShown({ list, kept, rows })
  }
  const forget = useCallback(() => setKept(NONE), [])
  return { rows, forget }
}
