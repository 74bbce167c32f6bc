import { VIEW_DEFAULTS, type SearchView } from '../../api/schemas/search-view'
import { paramSpec, VIEW_PARAM_NAMES, type ChipContext, type ViewParam } from './view-params'

/** An active part of the view, as a removable chip. */
export interface ViewChip {
  key: string
  param: ViewParam
  /** What the parameter is ("Assignee"). */
  label: string
  /** Its value for people ("Dana Reyes"). */
  text: string
  /** The change to the view that removes this chip. */
  remove: Partial<SearchView>
}

function isDefault(name: ViewParam, value: unknown): boolean {
  return Object.hasOwn(VIEW_DEFAULTS, name) && VIEW_DEFAULTS[name as keyof typeof VIEW_DEFAULTS] === value
}

function chipsOf<K extends ViewParam>(view: SearchView, name: K, context: ChipContext): ViewChip[] {
  const value = view[name]
  if (value === undefined || value === null || isDefault(name, value)) return []
  const spec = paramSpec(name)
  const fallback = Object.hasOwn(VIEW_DEFAULTS, name) ? VIEW_DEFAULTS[name as keyof typeof VIEW_DEFAULTS] : undefined
  return spec.chips(value, context).map((part) => ({
    key: `${name}:${part.text}`,
    param: name,
    label: spec.label,
    text: part.text,
    remove: { [name]: part.rest ?? fallback },
  }))
}

/** Everything in the view that differs from the plain inbox, in URL order. */
export function viewChips(view: SearchView, context: ChipContext): ViewChip[] {
  return VIEW_PARAM_NAMES.flatMap((name) => chipsOf(view, name, context))
}

const TITLE_CHIPS = 3

/** The page title for a view, so bookmarks and tabs get useful names. */
export function viewTitle(chips: ViewChip[], appName = 'Inbox'): string {
  if (chips.length === 0) return appName
  const shown = chips.slice(0, TITLE_CHIPS).map((chip) => `${chip.label}: ${chip.text}`)
  const more = chips.length > TITLE_CHIPS ? ` +${chips.length - TITLE_CHIPS}` : ''
  return `${shown.join(' · ')}${more} — ${appName}`
}

const unreadFormat = new Intl.NumberFormat()

/** A title led by the location's unread count, as mail tabs show it: "(12) Status: Unread — Inbox". */
export function withUnreadCount(title: string, unread: number | undefined): string {
  return unread ? `(${unreadFormat.format(unread)}) ${title}` : title
}
