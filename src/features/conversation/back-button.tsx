import { Icon, ICONS } from '../../components/ui/icon'

/** On a phone the pane takes the whole screen: the way back to the list, where a thumb finds it. */
export function BackButton({ onBack }: { onBack: () => void }) {
  return (
    <button
      type="button"
      onClick={onBack}
      aria-label="Back to conversations"
      className="-ml-2 rounded-md p-1.5 hover:bg-slate-100 sm:hidden dark:hover:bg-slate-800"
    >
      <Icon paths={ICONS.back} className="size-5" />
    </button>
  )
}
