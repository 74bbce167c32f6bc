interface SegmentedControlProps<T extends string> {
  legend: string
  name: string
  options: readonly { value: T; label: string }[]
  value: T
  onChange: (value: T) => void
}

/**
 * A row of mutually exclusive choices: real radio buttons, drawn as a segmented control.
 * Each invisible radio covers its whole segment, so a click lands on the radio itself.
 */
export function SegmentedControl<T extends string>({ legend, name, options, value, onChange }: SegmentedControlProps<T>) {
  return (
    <fieldset>
      <legend className="mb-1 text-xs font-medium text-slate-600 dark:text-slate-400">{legend}</legend>
      <div className="flex gap-0.5 rounded-lg bg-slate-100 p-1 dark:bg-slate-800/70">
        {options.map((option) => (
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
              className="absolute inset-0 size-full cursor-pointer appearance-none rounded-md opacity-0"
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  )
}
