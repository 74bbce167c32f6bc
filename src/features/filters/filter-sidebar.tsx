import { DIRECTIONS, MAX_LIMIT, MESSAGE_ACTIONS } from '../../api/schemas/enums'
import { VIEW_DEFAULTS, type SearchView } from '../../api/schemas/search-view'
import { FieldError } from '../../components/ui/field-error'
import { SegmentedControl } from '../../components/ui/segmented-control'
import { DIRECTION_LABELS, MESSAGE_ACTION_LABELS } from '../../lib/view-options'
import { ChannelSelect } from './channel-select'
import { DateRangeFilter } from './date-range-filter'
import { FilterSection } from './filter-section'
import { ParamInput } from './param-input'
import { SortControls } from './sort-controls'
import { StatusControl } from './status-control'
import { useUserDirectory } from './use-user-directory'
import { UserPicker } from './user-picker'
import { useSearchFieldErrors } from './use-search-field-errors'
import { VIEW_PARAM_NAMES, type ViewParam } from './view-params'

interface FilterSidebarProps {
  view: SearchView
  setView: (patch: Partial<SearchView>, options?: { replace?: boolean }) => void
}

const ANY = 'any'

/** `undefined` as the "Any" choice of a segmented control, and back. */
function anyOr<T extends string>(labels: Record<T, string>, values: readonly T[]) {
  return [{ value: ANY, label: 'Any' }, ...values.map((value) => ({ value, label: labels[value] }))] as const
}

/** How many of `params` the view sets to something other than the app's default. */
function countSet(view: SearchView, params: ViewParam[]): number {
  const defaults: Partial<SearchView> = VIEW_DEFAULTS
  return params.filter((param) => view[param] !== undefined && view[param] !== defaults[param]).length
}

const ADVANCED: ViewParam[] = ['contactId', 'id', 'scoreProfile', 'scoreProfileMin', 'scoreProfileMax', 'limit']

/**
 * Every search parameter of the API as a control; each change goes through `setView`. The
 * server's complaints about the view (a 422) show under the control they name.
 */
export function FilterSidebar({ view, setView }: FilterSidebarProps) {
  const fieldErrors = useSearchFieldErrors(view)
  const { users, usersFailed } = useUserDirectory()
  const people = { users, usersFailed }
  const errorsFor = (...params: string[]) =>
    params.map((param) => {
      const message = fieldErrors[param]
      return message ? <FieldError key={param} message={message} /> : null
    })
  // Every view parameter's complaint shows under its control; any other, at the top.
  const placed: readonly string[] = VIEW_PARAM_NAMES

  return (
    <div className="flex flex-col px-4">
      <div className="flex flex-col gap-3 border-b border-slate-200 py-3 dark:border-slate-800">
        {errorsFor(...Object.keys(fieldErrors).filter((param) => !placed.includes(param)))}
        <ParamInput param="query" type="search" label="Search" placeholder="Name, email, phone, message…" view={view} setView={setView} />
        {errorsFor('query')}
        <StatusControl view={view} setView={setView} />
        {errorsFor('status')}
      </div>

      <FilterSection title="Assignee" active={view.assignedTo?.length}>
        <UserPicker legend="Assignee" withUnassigned selected={view.assignedTo} onChange={(assignedTo) => setView({ assignedTo })} {...people} />
        {errorsFor('assignedTo')}
      </FilterSection>

      <FilterSection title="Message" active={countSet(view, ['lastMessageType', 'lastMessageDirection', 'lastMessageAction'])}>
        <ChannelSelect value={view.lastMessageType} onChange={(lastMessageType) => setView({ lastMessageType })} />
        <SegmentedControl
          legend="Last message direction"
          name="lastMessageDirection"
          options={anyOr(DIRECTION_LABELS, DIRECTIONS)}
          value={view.lastMessageDirection ?? ANY}
          onChange={(value) => setView({ lastMessageDirection: value === ANY ? undefined : value })}
        />
        <SegmentedControl
          legend="Last outbound message"
          name="lastMessageAction"
          options={anyOr(MESSAGE_ACTION_LABELS, MESSAGE_ACTIONS)}
          value={view.lastMessageAction ?? ANY}
          onChange={(value) => setView({ lastMessageAction: value === ANY ? undefined : value })}
        />
        {errorsFor('lastMessageType', 'lastMessageDirection', 'lastMessageAction')}
      </FilterSection>

      <FilterSection title="Date added" active={countSet(view, ['startDate', 'endDate'])}>
        <DateRangeFilter startDate={view.startDate} endDate={view.endDate} onChange={(range) => setView(range)} />
        {errorsFor('startDate', 'endDate')}
      </FilterSection>

      <FilterSection title="Followers" active={view.followers?.length} defaultOpen={view.followers !== undefined}>
        <UserPicker legend="Followers" selected={view.followers} onChange={(followers) => setView({ followers })} {...people} />
        {errorsFor('followers')}
      </FilterSection>

      <FilterSection title="Mentions" active={view.mentions?.length} defaultOpen={view.mentions !== undefined}>
        <UserPicker legend="Mentions" selected={view.mentions} onChange={(mentions) => setView({ mentions })} {...people} />
        {errorsFor('mentions')}
      </FilterSection>

      <FilterSection title="Sort" active={countSet(view, ['sortBy', 'sort', 'sortScoreProfile'])}>
        <SortControls view={view} setView={setView} />
        {errorsFor('sortBy', 'sort', 'sortScoreProfile')}
      </FilterSection>

      <FilterSection
        title="Advanced"
        active={countSet(view, ADVANCED)}
        defaultOpen={countSet(view, ADVANCED) > 0}
      >
        <ParamInput param="contactId" label="Contact id" view={view} setView={setView} />
        <ParamInput param="id" label="Conversation id" view={view} setView={setView} />
        <ParamInput param="scoreProfile" label="Score profile id" view={view} setView={setView} />
        <div className="grid grid-cols-2 gap-2">
          <ParamInput param="scoreProfileMin" label="Min score" inputMode="decimal" view={view} setView={setView} />
          <ParamInput param="scoreProfileMax" label="Max score" inputMode="decimal" view={view} setView={setView} />
        </div>
        <ParamInput param="limit" label={`Page size (1–${MAX_LIMIT})`} inputMode="numeric" view={view} setView={setView} />
        {errorsFor(...ADVANCED)}
      </FilterSection>
    </div>
  )
}
