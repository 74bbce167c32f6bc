import type { SearchView } from '../api/schemas/search-view'
import { formatNumber } from '../lib/count-text'
import { isDefault, paramSpec, VIEW_PARAM_NAMES, VIEW_PARAMS, type ChipContext, type Section, type ViewParam } from './params'

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

function chipsOf<K extends ViewParam>(view: SearchView, name: K, context: ChipContext): ViewChip[] {
  const value = view[name]
  if (value === undefined || isDefault(name, value)) return []
  const spec = paramSpec(name)
  return spec.chips(value, context).map((part) => ({
    key: `${name}:${part.text}`,
    param: name,
    label: spec.label,
    text: part.text,
    remove: { [name]: part.rest ?? spec.default },
  }))
}

/** Everything in the view that differs from the plain inbox, in URL order. */
export function viewChips(view: SearchView, context: ChipContext): ViewChip[] {
  return VIEW_PARAM_NAMES.flatMap((name) => chipsOf(view, name, context))
}

/** A chip as one phrase, "Status: Unread": the title, the empty view and its suggestions say it so. */
export function chipName(chip: ViewChip): string {
  return `${chip.label}: ${chip.text}`
}

/** The chips that narrow the list: removing one can bring conversations back (ordering never does). */
export function filterChips(chips: readonly ViewChip[]): ViewChip[] {
  return chips.filter((chip) => VIEW_PARAMS[chip.param].kind === 'filter')
}

/** How many of the view's chips sit in a sidebar section: the count its heading shows. */
export function activeInSection(chips: readonly ViewChip[], section: Section): number {
  return chips.filter((chip) => VIEW_PARAMS[chip.param].section === section).length
}

const TITLE_CHIPS = 3

/** The page title for a view, so bookmarks and tabs get useful names. */
export function viewTitle(chips: ViewChip[], appName = 'Inbox'): string {
  if (chips.length === 0) return appName
  const shown = chips.slice(0, TITLE_CHIPS).map(chipName)
  const more = chips.length > TITLE_CHIPS ? ` +${chips.length - TITLE_CHIPS}` : ''
  return `${shown.join(' · ')}${more} — ${appName}`
}

/** A title led by the location's unread count, as mail tabs show it: "(12) Status: Unread — Inbox". */
export function withUnreadCount(title: string, unread: number | undefined): string {
  return unread ? `(${formatNumber(unread)}) ${title}` : title
}
