import type { SearchView } from '../../api/schemas/search-view'
import { UNASSIGNED } from '../../api/schemas/enums'
import { channelLabel } from '../../lib/channels'
import { STATUS_LABELS, UNASSIGNED_LABEL } from '../../lib/view-options'

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

/** The filters a view has on, in words: what the empty state tells the reader. */
export function describeFilters(view: SearchView, userName: (id: string) => string): string[] {
  const people = (ids: string[]) => ids.map((id) => (id === UNASSIGNED ? UNASSIGNED_LABEL : userName(id))).join(', ')
  const filters: string[] = []
  if (view.query) filters.push(`Search “${view.query}”`)
  if (view.status && view.status !== 'all') filters.push(`Status: ${STATUS_LABELS[view.status]}`)
  if (view.assignedTo?.length) filters.push(`Assigned to: ${people(view.assignedTo)}`)
  if (view.followers?.length) filters.push(`Followed by: ${people(view.followers)}`)
  if (view.mentions?.length) filters.push(`Mentioning: ${people(view.mentions)}`)
  if (view.lastMessageType) filters.push(`Channel: ${channelLabel(view.lastMessageType)}`)
  if (view.lastMessageDirection) filters.push(`Last message: ${view.lastMessageDirection}`)
  if (view.lastMessageAction) filters.push(`Last outbound: ${view.lastMessageAction}`)
  if (view.contactId) filters.push(`Contact ${view.contactId}`)
  if (view.id) filters.push(`Conversation ${view.id}`)
  if (view.scoreProfileMin !== undefined || view.scoreProfileMax !== undefined) {
    filters.push(`Score ${view.scoreProfileMin ?? '…'}–${view.scoreProfileMax ?? '…'}`)
  }
  if (view.startDate !== undefined || view.endDate !== undefined) {
    const from = view.startDate === undefined ? '…' : day.format(view.startDate)
    const to = view.endDate === undefined ? '…' : day.format(view.endDate)
    filters.push(`Added ${from} – ${to}`)
  }
  return filters
}
