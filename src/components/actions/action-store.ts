import { useSyncExternalStore } from 'react'
import type { ActionSubject } from '../../api/conversation-actions'

/** What the last action did, shown in the status region: done (with Undo), failed, or under way. */
export interface ActionStatus {
  /** A new number per status: the region restarts its timer for each. */
  id: number
  tone: 'busy' | 'done' | 'failed'
  title: string
  detail?: string
  /** Offered for a few seconds after an action went through. */
  undo?: () => void
}

export interface ActionState {
  status: ActionStatus | undefined
  /** The conversation whose assignee is being chosen (the one assign dialog of the page). */
  assigning: ActionSubject | undefined
}

let state: ActionState = { status: undefined, assigning: undefined }
const listeners = new Set<() => void>()
let nextId = 1

function set(change: Partial<ActionState>) {
  state = { ...state, ...change }
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/**
 * The page's one action status and assign dialog, shared by the rows, the pane and the keys
 * (`ConversationActionsHost` shows them): an action anywhere replaces the status of the last one.
 */
export const actionStore = {
  get: () => state,
  subscribe,
  showStatus: (status: Omit<ActionStatus, 'id'>): number => {
    const id = nextId++
    set({ status: { ...status, id } })
    return id
  },
  /** Hides the status `id`, unless another one replaced it since. */
  dismiss: (id: number) => {
    if (state.status?.id === id) set({ status: undefined })
  },
  openAssign: (conversation: ActionSubject) => set({ assigning: conversation }),
  closeAssign: () => set({ assigning: undefined }),
}

export function useActionState(): ActionState {
  return useSyncExternalStore(actionStore.subscribe, actionStore.get, actionStore.get)
}
