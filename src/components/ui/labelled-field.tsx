import type { ReactNode } from 'react'
import { labelClass } from './styles'

/** A form control under its visible label; `id` is the control's. */
export function LabelledField({ id, label, children }: { id: string; label: ReactNode; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {children}
    </div>
  )
}
