import type { ReactNode } from 'react'
import { DIRECTIONS, MAX_LIMIT, MESSAGE_ACTIONS } from '../../api/schemas/enums'
import type { SearchView } from '../../api/schemas/search-view'
import { UserPicker } from '../../components/users/user-picker'
import { FieldError } from '../../components/ui/field-error'
import { SegmentedControl } from '../../components/ui/segmented-control'
import { DIRECTIONS_SHOWN, MESSAGE_ACTIONS_SHOWN } from '../../lib/labels'
import { useUserDirectory } from '../../lib/use-user-directory'
import { SECTIONS, sectionParams, VIEW_PARAM_NAMES, type Section, type TypedParam } from '../../view/params'
import { useViewChips } from '../../view/use-view-chips'
import { activeInSection } from '../../view/view-chips'
import { ChannelSelect } from './channel-select'
import { DateRangeFilter } from './date-range-filter'
import { FilterSection } from './filter-section'
import { ParamInput } from './param-input'
import { SortControls } from './sort-controls'
import { StatusControl } from './status-control'
import { useSearchFieldErrors } from './use-search-field-errors'

interface FilterSidebarProps {
  view: SearchView
  setView: (patch: Partial<SearchView>, options?: { replace?: boolean }) => void
}

const ANY = 'any'

/** `undefined` as the "Any" choice of a segmented control, and back. */
function anyOr<T extends string>(shown: Record<T, { label: string }>, values: readonly T[]) {
  return [{ value: ANY, label: 'Any' }, ...values.map((value) => ({ value, label: shown[value].label }))] as const
}

/** Sections that start closed unless the view uses them. */
const CLOSED_UNLESS_SET: ReadonlySet<Section> = new Set(['followers', 'mentions', 'advanced'])

/**
 * Every search parameter of the API as a control, grouped by the section its declaration names;
 * each change goes through `setView`. The server's complaints about the view (a 422) show under
 * the section of the parameter they name.
 */
export function FilterSidebar({ view, setView }: FilterSidebarProps) {
  const fieldErrors = useSearchFieldErrors(view)
  const { users, usersFailed } = useUserDirectory()
  const { chips } = useViewChips(view)
  const people = { users, usersFailed }
  const errorsFor = (params: readonly string[]) =>
    params.map((param) => {
      const message = fieldErrors[param]
      return message ? <FieldError key={param} message={message} /> : null
    })
  // Every view parameter's complaint shows in its section; any other, at the top.
  const placed: readonly string[] = VIEW_PARAM_NAMES
  const input = (param: TypedParam, label: string, props: { inputMode?: 'decimal' | 'numeric' } = {}) => (
    <ParamInput param={param} label={label} view={view} setView={setView} {...props} />
  )

  const controls: Record<Exclude<Section, 'top'>, ReactNode> = {
    assignee: <UserPicker legend="Assignee" withUnassigned selected={view.assignedTo} onChange={(assignedTo) => setView({ assignedTo })} {...people} />,
    message: (
      <>
        <ChannelSelect value={view.lastMessageType} onChange={(lastMessageType) => setView({ lastMessageType })} />
        <SegmentedControl
          legend="Last message direction"
          name="lastMessageDirection"
          options={anyOr(DIRECTIONS_SHOWN, DIRECTIONS)}
          value={view.lastMessageDirection ?? ANY}
          onChange={(value) => setView({ lastMessageDirection: value === ANY ? undefined : value })}
        />
        <SegmentedControl
          legend="Last outbound message"
          name="lastMessageAction"
          options={anyOr(MESSAGE_ACTIONS_SHOWN, MESSAGE_ACTIONS)}
          value={view.lastMessageAction ?? ANY}
          onChange={(value) => setView({ lastMessageAction: value === ANY ? undefined : value })}
        />
      </>
    ),
    dateAdded: <DateRangeFilter startDate={view.startDate} endDate={view.endDate} onChange={(range) => setView(range)} />,
    followers: <UserPicker legend="Followers" selected={view.followers} onChange={(followers) => setView({ followers })} {...people} />,
    mentions: <UserPicker legend="Mentions" selected={view.mentions} onChange={(mentions) => setView({ mentions })} {...people} />,
    sort: <SortControls view={view} setView={setView} />,
    advanced: (
      <>
        {input('contactId', 'Contact id')}
        {input('id', 'Conversation id')}
        {input('scoreProfile', 'Score profile id')}
        <div className="grid grid-cols-2 gap-2">
          {input('scoreProfileMin', 'Min score', { inputMode: 'decimal' })}
          {input('scoreProfileMax', 'Max score', { inputMode: 'decimal' })}
        </div>
        {input('limit', `Page size (1–${MAX_LIMIT})`, { inputMode: 'numeric' })}
      </>
    ),
  }

  return (
    <div className="flex flex-col px-4">
      <div className="flex flex-col gap-3 border-b border-slate-200 py-3 dark:border-slate-800">
        {errorsFor(Object.keys(fieldErrors).filter((param) => !placed.includes(param)))}
        <ParamInput param="query" type="search" label="Search" placeholder="Name, email, phone, message…" view={view} setView={setView} />
        {errorsFor(['query'])}
        <StatusControl view={view} setView={setView} />
        {errorsFor(['status'])}
      </div>
      {(Object.keys(controls) as (keyof typeof controls)[]).map((section) => {
        const active = activeInSection(chips, section)
        return (
          <FilterSection
            key={section}
            title={SECTIONS[section].title}
            active={active}
            defaultOpen={!CLOSED_UNLESS_SET.has(section) || active > 0}
          >
            {controls[section]}
            {errorsFor(sectionParams(section))}
          </FilterSection>
        )
      })}
    </div>
  )
}
