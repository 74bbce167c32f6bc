import { useQuery } from '@tanstack/react-query'
import { contactConversationQueries } from '../../api/contact-conversations'
import type { ActionSubject } from '../../api/conversation-actions'
import { contactName } from '../../lib/contact-name'
import { countOf } from '../../lib/count-text'
import { useUserDirectory } from '../../lib/use-user-directory'
import { ModalDialog } from '../ui/modal-dialog'
import { UserChoiceList } from '../users/user-picker'

interface AssignDialogProps {
  conversation: ActionSubject
  onChoose: (assignTo: string | null) => void
  onClose: () => void
}


/**
 * Chooses a conversation's assignee. The assignee is the contact's owner, so the contact's other
 * conversations move too: the dialog says so before anything is done.
 */
export function AssignDialog({ conversation, onChoose, onClose }: AssignDialogProps) {
  const { users, usersFailed, userName } = useUserDirectory()
  const others = useQuery(contactConversationQueries.list(conversation.contactId))
  const otherCount = others.data?.conversations.filter((other) => other.id !== conversation.id).length
  const current = conversation.assignedTo || null
  const inactive = current !== null && users.length > 0 && !users.some((user) => user.id === current)

  return (
    <ModalDialog
      title="Assign conversation"
      description={contactName(conversation)}
      widthClass="w-[min(24rem,calc(100vw-2rem))]"
      onClose={onClose}
    >
      <p className="mt-3 text-sm text-slate-600 dark:text-slate-300" role="note">
        {others.isPending
          ? 'Looking for the contact’s other conversations…'
          : others.isError
            ? 'Could not check the contact’s other conversations: assigning moves all of them.'
            : otherCount
              ? `Also reassigns ${countOf(otherCount, 'other conversation')} of this contact.`
              : 'The contact has no other conversation.'}
      </p>
      {inactive && (
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          Now assigned to {userName(current)}, who is no longer an active user.
        </p>
      )}
      <div className="mt-3">
        <UserChoiceList
          legend="Assignee"
          current={current}
          users={users}
          usersFailed={usersFailed}
          onChoose={(id) => (id === current ? onClose() : onChoose(id))}
        />
      </div>
    </ModalDialog>
  )
}
