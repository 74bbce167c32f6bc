import type { SendType } from '../../api/schemas/send'
import { LabelledField } from '../../components/ui/labelled-field'
import { inputClass } from '../../components/ui/styles'
import { sendChannelLabel } from './reply-channels'

interface ChannelSelectProps {
  id: string
  channels: readonly SendType[]
  value: SendType
  disabled: boolean
  onChange: (channel: SendType) => void
}

/** Which channel the reply goes out on: only those the contact can be reached by. */
export function ChannelSelect({ id, channels, value, disabled, onChange }: ChannelSelectProps) {
  return (
    <LabelledField id={id} label="Channel">
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(event) => {
          const chosen = channels.find((type) => type === event.target.value)
          if (chosen) onChange(chosen)
        }}
        className={inputClass}
      >
        {channels.map((type) => (
          <option key={type} value={type}>
            {sendChannelLabel(type)}
          </option>
        ))}
      </select>
    </LabelledField>
  )
}
