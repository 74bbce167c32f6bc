import { useId } from 'react'

/** A small line under a choice's label: `shown` on screen, `spoken` as its accessible description. */
export interface SegmentDetail {
  shown: string
  spoken: string
}

interface SegmentedControlProps<T extends string> {
  legend: string
  name: string
  options: readonly { value: T; label: string; detail?: SegmentDetail }[]
  value: T
  onChange: (value: T) => void
}

/**
 * A row of mutually exclusive choices: real radio buttons, drawn as a segmented control.
 * Each invisible radio covers its whole segment, so a click lands on the radio itself.
 */
export function SegmentedControl<T extends string>({ legend, name, options, value, onChange }: SegmentedControlProps<T>) {
  const id = useId()
  return (
    <fieldset>
      <legend className="mb-1 text-xs font-medium text-slate-600 dark:text-slate-400">{legend}</legend>
      <div className="flex gap-0.5 rounded-lg bg-slate-100 p-1 dark:bg-slate-800/70">
        {options.map((option) => {
          const detailId = `${id}-${option.value}`
          return (
            <label
              key={option.value}
              className={`relative flex-1 cursor-pointer rounded-md px-1 py-1 text-center text-xs font-medium whitespace-nowrap text-slate-600 transition-colors has-checked:bg-white has-checked:text-slate-900 has-checked:shadow-sm has-focus-visible:outline-2 has-focus-visible:outline-indigo-500 hover:text-slate-900 dark:text-slate-400 dark:has-checked:bg-slate-950 dark:has-checked:text-slate-100 dark:hover:text-slate-100`}
            >
              <input
                type="radio"
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                aria-describedby={option.detail?.spoken ? detailId : undefined}
                className="absolute inset-0 size-full cursor-pointer appearance-none rounded-md opacity-0"
              />
              {option.label}
              {option.detail && (
                // The detail stays out of the choice's name ("Unread"), and is read as its description.
                <>
                  <span aria-hidden="true" className="block h-4 text-[0.65rem] font-normal tabular-nums">
                    {option.detail.shown}
                  </span>
                  <span id={detailId} hidden>
                    {option.detail.spoken}
                  </span>
                </>
              )}
            </label>
          )
        })}
      </div>
    </fieldset>
  )
}
