import { useInfiniteQuery } from '@tanstack/react-query'
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { describeError } from '../../api/describe-error'
import { templateQueries } from '../../api/list-templates'
import type { Template, TemplateType } from '../../api/schemas/template'
import { inputClass, labelClass, quietButtonClass } from '../../components/ui/styles'
import { cleanLine, htmlToText } from '../../lib/plain-text'

interface TemplatePickerProps {
  locationId: string
  type: TemplateType
  onChoose: (template: Template) => void
  /** Esc or "Close templates": the composer takes the focus back. */
  onClose: () => void
}

function previewOf(template: Template): string {
  const { body, html } = template.template ?? {}
  return cleanLine(body ?? (html ? htmlToText(html.slice(0, 2000)) : '')).slice(0, 120)
}

/** The location's templates for the channel, searchable by name and text. */
export function TemplatePicker({ locationId, type, onChoose, onClose }: TemplatePickerProps) {
  const searchId = useId()
  const searchRef = useRef<HTMLInputElement>(null)
  const [search, setSearch] = useState('')
  const query = useInfiniteQuery(templateQueries.list(locationId, type))
  const { data, hasNextPage, isFetchingNextPage, fetchNextPage } = query
  useEffect(() => searchRef.current?.focus(), [])
  // Esc closes the list, not the pane: the pane's own Esc handler skips a key already used.
  const closeOnEscape = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape') return
    event.preventDefault()
    onClose()
  }

  const templates = useMemo(() => {
    const words = search.toLowerCase().split(/\s+/).filter(Boolean)
    return (data?.pages.flatMap((page) => page.templates) ?? [])
      .map((template) => ({ template, name: cleanLine(template.name) || 'Untitled template', preview: previewOf(template) }))
      .filter(({ name, preview }) => words.every((word) => `${name} ${preview}`.toLowerCase().includes(word)))
  }, [data, search])

  return (
    <div
      role="group"
      aria-label="Templates"
      className="flex flex-col gap-2 rounded-md border border-slate-200 bg-slate-50 p-2 dark:border-slate-700 dark:bg-slate-900"
    >
      <div>
        <label htmlFor={searchId} className={labelClass}>
          Search templates
        </label>
        <input
          ref={searchRef}
          id={searchId}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={closeOnEscape}
          className={inputClass}
        />
      </div>
      {!data ? (
        <p role="status" className="text-sm text-slate-500 dark:text-slate-400">
          {query.isError ? `Could not load templates: ${describeError(query.error).title}` : 'Loading templates…'}
        </p>
      ) : templates.length === 0 ? (
        <p role="status" className="text-sm text-slate-500 dark:text-slate-400">
          {search ? 'No template matches.' : 'This location has no templates for this channel.'}
        </p>
      ) : (
        <ul aria-label="Templates found" className="flex max-h-56 flex-col gap-1 overflow-y-auto">
          {templates.map(({ template, name, preview }) => (
            <li key={template.id}>
              <button
                type="button"
                onClick={() => onChoose(template)}
                onKeyDown={closeOnEscape}
                className={`${quietButtonClass} w-full flex-col items-start! text-left`}
              >
                <span>{name}</span>
                {preview && <span className="w-full truncate text-xs font-normal text-slate-500 dark:text-slate-400">{preview}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex gap-2">
        {hasNextPage && (
          <button type="button" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage} className={quietButtonClass}>
            {isFetchingNextPage ? 'Loading more templates…' : 'Load more templates'}
          </button>
        )}
        <button type="button" onClick={onClose} className={quietButtonClass}>
          Close templates
        </button>
      </div>
    </div>
  )
}
