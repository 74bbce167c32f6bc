import { DEFAULT_VIEW, type SearchView } from '../../api/schemas/search-view'
import { toUrlSearch } from '../../view/view-url'

/** A view for common triage, offered to everyone: a name and the URL search that opens it. */
export interface ReadyMadeView {
  name: string
  /** The canonical search string (`?…`), as the URL holds it when the view is open. */
  search: string
}

const searchOf = (patch: Partial<SearchView>) => toUrlSearch({ ...DEFAULT_VIEW, ...patch })

const FOR_EVERYONE: ReadyMadeView[] = [
  { name: 'Waiting on us', search: searchOf({ lastMessageDirection: 'inbound' }) },
  { name: 'Longest waiting', search: searchOf({ lastMessageDirection: 'inbound', sort: 'asc' }) },
  { name: 'Only a bot replied', search: searchOf({ lastMessageDirection: 'outbound', lastMessageAction: 'automated' }) },
  { name: 'Unassigned and unread', search: searchOf({ assignedTo: ['unassigned'], status: 'unread' }) },
]

/** The conversations assigned to the person using the inbox. */
export function mineView(myUserId: string): ReadyMadeView {
  return { name: 'Mine', search: searchOf({ assignedTo: [myUserId] }) }
}

/** The ready-made views; "Mine" only once the person has said which HighLevel user they are. */
export function readyMadeViews(myUserId: string | undefined): ReadyMadeView[] {
  return myUserId ? [...FOR_EVERYONE, mineView(myUserId)] : FOR_EVERYONE
}

/** The ready-made view the URL shows exactly, if any. */
export function activeReadyMadeView(views: readonly ReadyMadeView[], currentSearch: string): ReadyMadeView | undefined {
  return views.find((view) => view.search === currentSearch)
}
