import { Icon } from '../../components/ui/icon'
import { inputClass, labelClass } from '../../components/ui/styles'
import type { MessageType } from '../../api/schemas/enums'
import { CHANNEL_OPTIONS, isMessageType, messageTypeIcon } from '../../lib/labels'

/** The last message's channel: one of the API's 42 types, grouped as people think of them. */
export function ChannelSelect({ value, onChange }: { value: MessageType | undefined; onChange: (next: MessageType | undefined) => void }) {
  const icon = value ? messageTypeIcon(value) : undefined
  return (
    <label className="block">
      <span className={labelClass}>Last message channel</span>
      <span className="relative block">
        {icon && (
          <Icon
            paths={icon}
            className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-slate-500"
          />
        )}
        <select
          value={value ?? ''}
          onChange={(event) => onChange(isMessageType(event.target.value) ? event.target.value : undefined)}
          className={`${inputClass} ${icon ? 'pl-8' : ''}`}
        >
          <option value="">Any channel</option>
          {CHANNEL_OPTIONS.map((option) => (
            <optgroup key={option.group} label={option.label}>
              {option.types.map((type) => (
                <option key={type.value} value={type.value}>
                  {type.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </span>
    </label>
  )
}
