import type { ReactNode, Ref } from 'react'

interface ReplyElsewhereProps {
  reason: string
  highLevelUrl: string | undefined
  /** Takes the focus when the person asks to reply (`r`): the link, else the line. */
  focusRef: Ref<HTMLElement>
  children?: ReactNode
}

/** Why the reply cannot be written here, and the way to write it in HighLevel. */
export function ReplyElsewhere({ reason, highLevelUrl, focusRef, children }: ReplyElsewhereProps) {
  return (
    <div className="flex flex-col gap-2 text-sm">
      <p role="status" ref={highLevelUrl ? undefined : (focusRef as Ref<HTMLParagraphElement>)} tabIndex={highLevelUrl ? undefined : -1} className="text-slate-700 dark:text-slate-300">
        {reason}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        {highLevelUrl && (
          <a
            ref={focusRef as Ref<HTMLAnchorElement>}
            href={highLevelUrl}
            target="_blank"
            rel="noopener noreferrer"
            className="font-medium text-blue-700 underline dark:text-blue-300"
          >
            Reply in HighLevel
          </a>
        )}
        {children}
      </div>
    </div>
  )
}
