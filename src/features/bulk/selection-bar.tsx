import { quietButtonClass } from '../../components/ui/styles'
import { ACTION_LABELS } from '../../lib/action-labels'
import { formatCount } from '../../lib/count-text'
import type { TickedRowsApi } from '../../view/use-ticked-rows'
import { AssignMenu } from './assign-menu'
import { BulkConfirmDialog } from './bulk-confirm-dialog'
import type { LoadedList } from './bulk-request'
import type { BulkActions } from './use-bulk-actions'

interface SelectionBarProps {
  ticking: TickedRowsApi
  bulk: BulkActions
  list: LoadedList
}

const KINDS = ['markRead', 'markUnread', 'star', 'unstar'] as const

/** Over the rows while some are ticked: how many, the actions on them, and "Select all N". */
export function SelectionBar({ ticking, bulk, list }: SelectionBarProps) {
  const { allInView, selection } = ticking.state
  const chosen = allInView ? list.total : selection.ticked.size
  const offerAll = !allInView && list.total !== undefined && list.total > selection.ticked.size
  return (
    <div
      role="toolbar"
      aria-label="Selected conversations"
      className="flex flex-wrap items-center gap-1 border-b border-indigo-200 bg-indigo-50 px-4 py-1.5 text-sm dark:border-indigo-900 dark:bg-indigo-950/50"
    >
      <p className="mr-2 font-medium text-indigo-950 dark:text-indigo-100">
        {chosen === undefined ? 'The whole view selected' : allInView ? `All ${formatCount(chosen)} in this view selected` : `${formatCount(chosen)} selected`}
      </p>
      {KINDS.map((kind) => (
        <button key={kind} type="button" disabled={bulk.busy} onClick={() => bulk.run({ kind })} className={quietButtonClass}>
          {ACTION_LABELS[kind].name}
        </button>
      ))}
      <AssignMenu disabled={bulk.busy} onAssign={(assignTo) => bulk.run({ kind: 'assign', assignTo })} />
      {offerAll && (
        <button type="button" onClick={ticking.tickAllInView} className={`${quietButtonClass} text-indigo-700 dark:text-indigo-300`}>
          Select all {formatCount(list.total ?? 0)} in this view
        </button>
      )}
      <button type="button" onClick={ticking.clear} className={`${quietButtonClass} ml-auto`}>
        Clear selection
      </button>
      {bulk.error && !bulk.pending && (
        <p role="alert" className="w-full text-red-700 dark:text-red-300">
          {bulk.error}
        </p>
      )}
      {bulk.pending && (
        <BulkConfirmDialog pending={bulk.pending} busy={bulk.busy} error={bulk.error} onConfirm={bulk.confirm} onClose={bulk.dismiss} />
      )}
    </div>
  )
}
