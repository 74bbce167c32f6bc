import { Notice } from '../../components/ui/notice'
import type { ViewIssue } from '../../view/view-url'

const MAX_SHOWN_VALUE = 40

function shortened(value: string): string {
  return value.length > MAX_SHOWN_VALUE ? `${value.slice(0, MAX_SHOWN_VALUE)}…` : value
}

/** Tells the person exactly which parts of the link were not used as given, and why. */
export function IgnoredParamsNotice({ issues, onDismiss }: { issues: ViewIssue[]; onDismiss: () => void }) {
  return (
    <Notice title="Some of this link could not be used as given" onDismiss={onDismiss}>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {issues.map((issue) => (
          <li key={`${issue.param}=${issue.value}:${issue.message}`}>
            <code className="rounded bg-amber-100 px-1 font-mono text-xs break-all dark:bg-amber-900/50">
              {issue.param}={shortened(issue.value)}
            </code>{' '}
            — {issue.message}
          </li>
        ))}
      </ul>
    </Notice>
  )
}
