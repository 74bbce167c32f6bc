import { useId, useState, type InputHTMLAttributes } from 'react'
import type { SearchView } from '../../api/schemas/search-view'
import { DebouncedInput } from '../../components/ui/debounced-input'
import { inputClass, labelClass } from '../../components/ui/styles'
import { paramSpec, type TypedParam } from '../../view/params'

interface ParamInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  param: TypedParam
  label: string
  view: SearchView
  setView: (patch: Partial<SearchView>, options?: { replace?: boolean }) => void
}

/**
 * A typed-in filter: validated by the same rule as the URL parameter, debounced, and written
 * with `replace` so typing does not flood the history.
 */
export function ParamInput({ param, label, view, setView, ...props }: ParamInputProps) {
  const errorId = useId()
  const [problem, setProblem] = useState<string>()
  const current = view[param]

  const commit = (text: string) => {
    const parsed = paramSpec(param).parse(text)
    if (parsed.problem && parsed.value === undefined) {
      setProblem(`${label}: ${parsed.problem}`)
      return
    }
    setProblem(undefined)
    setView({ [param]: parsed.value }, { replace: true })
  }

  return (
    <label className="block">
      <span className={labelClass}>{label}</span>
      <DebouncedInput
        {...props}
        value={current === undefined ? '' : String(current)}
        onCommit={commit}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? errorId : undefined}
        className={`${inputClass} aria-invalid:border-red-500`}
      />
      {problem && (
        <span id={errorId} className="mt-1 block text-xs text-red-600 dark:text-red-400">
          {problem}
        </span>
      )}
    </label>
  )
}
