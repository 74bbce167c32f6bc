import { ModalDialog } from '../../components/ui/modal-dialog'
import { SHORTCUTS, keyLabel } from '../../lib/shortcut-list'

/** Every shortcut, in a modal dialog, open while mounted; `onClose` when it closes itself. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <ModalDialog title="Keyboard shortcuts" widthClass="w-[min(28rem,calc(100vw-2rem))]" onClose={onClose}>
      <table className="mt-3 w-full text-sm">
        <thead className="sr-only">
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action} className="border-t border-slate-100 dark:border-slate-800">
              <td className="py-1.5 pr-4 whitespace-nowrap">
                {shortcut.keys.map((key, index) => {
                  const { label, name } = keyLabel(key)
                  return (
                    <span key={key}>
                      {index > 0 && <span className="px-1 text-slate-500 dark:text-slate-400">or</span>}
                      <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">
                        {label === name ? (
                          label
                        ) : (
                          <>
                            <span aria-hidden="true">{label}</span>
                            <span className="sr-only">{name}</span>
                          </>
                        )}
                      </kbd>
                    </span>
                  )
                })}
              </td>
              <td className="py-1.5">{shortcut.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">Shortcuts do nothing while you type in a field.</p>
    </ModalDialog>
  )
}
