import type { Conversation } from './schemas/conversation'
import { UNASSIGNED } from './schemas/enums'
import type { SearchView } from './schemas/search-view'

/** One filter of a view as a test of a conversation: undefined where the app cannot tell (a search, a score). */
interface FilterTest {
  fields: readonly (keyof Conversation)[]
  test: (conversation: Conversation) => boolean | undefined
}

const unknown = () => undefined

function filterTests(view: SearchView): FilterTest[] {
  const tests: FilterTest[] = []
  const add = (fields: readonly (keyof Conversation)[], test: FilterTest['test']) => tests.push({ fields, test })
  const status = view.status
  if (status === 'unread') add(['unreadCount'], (c) => (c.unreadCount ?? 0) > 0)
  if (status === 'read') add(['unreadCount'], (c) => (c.unreadCount ?? 0) === 0)
  if (status === 'starred') add(['starred'], (c) => c.starred === true)
  if (status === 'recents') add(['lastMessageDate'], unknown)
  const { assignedTo, followers } = view
  if (assignedTo?.length) add(['assignedTo'], (c) => assignedTo.includes(c.assignedTo || UNASSIGNED))
  if (followers?.length) add(['followers'], (c) => followers.some((id) => c.followers?.includes(id) ?? false))
  if (view.mentions?.length) add([], unknown)
  if (view.query) add(['fullName', 'contactName', 'email', 'phone', 'companyName', 'lastMessageBody'], unknown)
  const equals = <K extends keyof Conversation>(field: K, value: Conversation[K] | undefined) => {
    if (value !== undefined) add([field], (c) => c[field] === value)
  }
  equals('lastMessageType', view.lastMessageType)
  equals('lastMessageDirection', view.lastMessageDirection)
  equals('lastOutboundMessageAction', view.lastMessageAction)
  equals('contactId', view.contactId)
  equals('id', view.id)
  const { startDate, endDate } = view
  if (startDate !== undefined || endDate !== undefined) {
    add(['dateAdded'], (c) =>
      typeof c.dateAdded === 'number' ? c.dateAdded >= (startDate ?? -Infinity) && c.dateAdded <= (endDate ?? Infinity) : undefined,
    )
  }
  if (view.scoreProfile || view.scoreProfileMin !== undefined || view.scoreProfileMax !== undefined) add([], unknown)
  return tests
}

/**
 * How a view's count changes when `before` becomes `after` (`changed` names the fields that
 * differ): +1 when the conversation joins the view, −1 when it leaves, 0 when neither, and
 * undefined when the app cannot tell (the view also filters on something only HighLevel knows).
 */
export function countChange(
  view: SearchView,
  before: Conversation,
  after: Conversation,
  changed: ReadonlySet<string>,
): -1 | 0 | 1 | undefined {
  let was = true
  let is = true
  let unsure = false
  for (const { fields, test } of filterTests(view)) {
    if (!fields.some((field) => changed.has(field))) {
      const result = test(before)
      if (result === false) return 0
      if (result === undefined) unsure = true
      continue
    }
    const [old, now] = [test(before), test(after)]
    if (old === undefined || now === undefined) return undefined
    was &&= old
    is &&= now
  }
  if (was === is) return 0
  return unsure ? undefined : is ? 1 : -1
}

/** False when the conversation surely falls outside the view's filters; true when it matches or only HighLevel can tell. */
export function mayBelongToView(view: SearchView, conversation: Conversation): boolean {
  return filterTests(view).every(({ test }) => test(conversation) !== false)
}
