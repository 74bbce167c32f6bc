import { createContext, use, useEffect, useRef, type ChangeEvent } from 'react'
import type { Conversation } from '../../api/schemas/conversation'
import { focusRing } from '../../components/ui/styles'
import { headerBox } from '../../view/ticked-rows'
import type { TickedRowsApi } from '../../view/use-ticked-rows'
import { contactName } from '../../lib/contact-name'

/** The track before the columns that holds the boxes. */
export const TICK_TRACK = '2.5rem'

interface Ticking {
  api: TickedRowsApi
  /** The loaded rows' ids in list order: ranges run over them, the header box ticks them. */
  ids: readonly string[]
}

/** The ticked rows, for the boxes of the rows drawn: context reaches them through the memoised rows. */
export const TickingContext = createContext<Ticking | undefined>(undefined)

const boxClass = `size-4 cursor-pointer accent-indigo-600 ${focusRing}`

/** Shift held as the box was clicked: React's checkbox change comes from the click. */
function withShift(event: ChangeEvent<HTMLInputElement>): boolean {
  return 'shiftKey' in event.nativeEvent && event.nativeEvent.shiftKey === true
}

/** One row's box. A click on it ticks and never opens the conversation. */
export function RowTickBox({ conversation }: { conversation: Conversation }) {
  const ticking = use(TickingContext)
  if (!ticking) return null
  const { api, ids } = ticking
  const checked = api.state.allInView || api.state.selection.ticked.has(conversation.id)
  return (
    <div role="gridcell" className="flex items-center justify-center">
      <input
        type="checkbox"
        aria-label={`Select ${contactName(conversation)}`}
        checked={checked}
        tabIndex={-1}
        onClick={(event) => event.stopPropagation()}
        onChange={(event) => api.tick(conversation.id, ids, withShift(event))}
        className={boxClass}
      />
    </div>
  )
}

/** The header's box over the loaded rows: indeterminate when some are ticked. */
export function HeaderTickBox() {
  const ticking = use(TickingContext)
  const ref = useRef<HTMLInputElement>(null)
  const state = ticking ? headerBox(ticking.api.state, ticking.ids) : 'none'
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === 'some'
  }, [state])
  if (!ticking) return null
  return (
    <div role="columnheader" className="flex items-center justify-center">
      <input
        ref={ref}
        type="checkbox"
        aria-label="Select the loaded conversations"
        checked={state === 'all'}
        disabled={ticking.ids.length === 0}
        onChange={() => ticking.api.tickLoaded(ticking.ids)}
        className={boxClass}
      />
    </div>
  )
}
