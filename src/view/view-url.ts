import { DEFAULT_VIEW, type SearchView } from '../api/schemas/search-view'
import { isDefault, NOT_VIEW_PARAMS, paramSpec, VIEW_PARAM_NAMES, VIEW_PARAMS, type ViewParam } from './params'

/** A part of the URL that was not used as given, and why. */
export interface ViewIssue {
  param: string
  value: string
  message: string
}

export interface ParsedView {
  view: SearchView
  issues: ViewIssue[]
}

function isViewParam(name: string): name is ViewParam {
  return Object.hasOwn(VIEW_PARAMS, name)
}

function readParam<K extends ViewParam>(view: SearchView, name: K, raw: string, issues: ViewIssue[]) {
  const { value, problem } = paramSpec(name).parse(raw)
  if (value !== undefined) view[name] = value
  if (problem) {
    const outcome = value === undefined ? 'ignored' : 'corrected'
    issues.push({ param: name, value: raw, message: `${outcome}: ${problem}` })
  }
}

/** Ranges given upside down are swapped, so the view still means what was probably meant. */
function reconcileRanges(view: SearchView, issues: ViewIssue[]) {
  for (const low of VIEW_PARAM_NAMES) {
    const high = paramSpec(low).rangeEnd
    if (!high) continue
    const [min, max] = [view[low], view[high]]
    if (min === undefined || max === undefined || min <= max) continue
    Object.assign(view, { [low]: max, [high]: min })
    issues.push({
      param: `${low}, ${high}`,
      value: `${min}, ${max}`,
      message: `corrected: ${low} was above ${high}; the two were swapped`,
    })
  }
}

/**
 * The view a URL's search parameters describe, and what in them could not be used.
 * Nothing raw gets through: every value is validated, bad ones are dropped or corrected.
 */
export function parseView(params: URLSearchParams): ParsedView {
  const view: SearchView = { ...DEFAULT_VIEW }
  const issues: ViewIssue[] = []
  const seen = new Set<string>()
  for (const [name, raw] of params) {
    if (seen.has(name)) {
      issues.push({ param: name, value: raw, message: 'ignored: given more than once; the first is used' })
      continue
    }
    seen.add(name)
    if (isViewParam(name)) readParam(view, name, raw, issues)
    else issues.push({ param: name, value: raw, message: `ignored: ${NOT_VIEW_PARAMS[name] ?? 'not a filter of this inbox'}` })
  }
  reconcileRanges(view, issues)
  return { view, issues }
}

function writeParam<K extends ViewParam>(params: URLSearchParams, view: SearchView, name: K) {
  const value = view[name]
  if (value === undefined || isDefault(name, value)) return
  const written = paramSpec(name).write(value)
  if (written !== '') params.append(name, written)
}

/**
 * The URL search string (`?…`, or `''` for the plain inbox) for a view: the API's names and
 * formats, in a fixed order, defaults left out, list commas left readable.
 */
export function toUrlSearch(view: SearchView): string {
  const params = new URLSearchParams()
  for (const name of VIEW_PARAM_NAMES) writeParam(params, view, name)
  const search = params.toString().replaceAll('%2C', ',')
  return search ? `?${search}` : ''
}
