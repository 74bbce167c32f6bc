import { useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react'
import type { Message } from '../../api/schemas/message'
import { primaryButtonClass, quietButtonClass } from '../../components/ui/styles'
import { replyTarget, type ReplyContact } from './reply-channels'
import { ReplyElsewhere } from './reply-elsewhere'
import { ReplyForm, type OtherReply } from './reply-form'
import type { ReplyThreadCallbacks } from './send-reply'
import { useDraft } from './use-drafts'

/** What the pane's `r` key calls: opens the composer and puts the cursor in its text box. */
export interface ReplyComposerHandle {
  focus: () => void
}

export interface ReplyComposerProps extends ReplyThreadCallbacks {
  conversationId: string
  contactId: string
  /** The pinned location: its templates. */
  locationId: string
  /** For `{{location.name}}`. */
  locationName?: string
  contact: ReplyContact
  /** The conversation's channel: `TYPE_PHONE`… from search, or 1…5 from `GET /conversations/{id}`. */
  conversationType?: string | number | null
  /** The thread, newest first, as loaded: the channel the customer last wrote on, the email answered. */
  messages: readonly Message[]
  /** The server refuses writes (`/config.json` `readOnly`). */
  readOnly?: boolean
  /** The conversation in HighLevel (`highLevelConversationUrl`), for what cannot be answered here. */
  highLevelUrl?: string
  /** For `{{user.name}}`. */
  userName?: string
  /** A reply someone else sent since this conversation was opened: sending asks first. */
  otherReply?: OtherReply
  /** Checks HighLevel's newest messages right before a send (see `ReplyFormProps.beforeSend`). */
  beforeSend?: () => Promise<OtherReply | undefined>
  ref?: Ref<ReplyComposerHandle>
}

/**
 * Replying from the pane: a "Reply" button that opens the composer on the channel the customer
 * last wrote on, or, where this inbox cannot answer, a line saying why and a link into HighLevel.
 */
export function ReplyComposer({ ref, conversationId, contact, conversationType, messages, readOnly, highLevelUrl, userName, locationName, ...rest }: ReplyComposerProps) {
  const { draft, stored } = useDraft(conversationId)
  const [openFor, setOpenFor] = useState<string>()
  const [otherChannelFor, setOtherChannelFor] = useState<string>()
  const textarea = useRef<HTMLTextAreaElement>(null)
  const fallbackFocus = useRef<HTMLElement>(null)
  const focusWhenShown = useRef(false)

  const target = useMemo(() => replyTarget(contact, conversationType, messages), [contact, conversationType, messages])
  const refusedReadOnly = draft?.send.state === 'failed' && draft.send.readOnly === true
  const elsewhere = target.kind === 'elsewhere' && otherChannelFor !== conversationId
  const channels = target.kind === 'unreachable' ? [] : target.channels
  const [firstChannel] = channels
  const canWrite = !readOnly && !refusedReadOnly && !elsewhere && firstChannel !== undefined
  // A draft opens the composer, and it stays open once the draft is sent (to say "Sent.").
  if (draft && openFor !== conversationId) setOpenFor(conversationId)
  const open = canWrite && (openFor === conversationId || draft !== undefined)

  function show(): void {
    if (textarea.current) return textarea.current.focus()
    if (!canWrite) return fallbackFocus.current?.focus()
    focusWhenShown.current = true
    setOpenFor(conversationId)
  }
  useImperativeHandle(ref, () => ({ focus: show }))

  const placeholders = useMemo(() => ({ contact, userName, locationName }), [contact, userName, locationName])

  return (
    <section aria-label="Reply" className="flex flex-col gap-2 border-t border-slate-200 px-4 py-3 dark:border-slate-800">
      {!stored && (
        <p role="status" className="text-xs text-amber-800 dark:text-amber-200">
          Drafts cannot be saved in this browser (storage is blocked or full): this reply is kept only while this tab stays open.
        </p>
      )}
      {readOnly || refusedReadOnly ? (
        <ReplyElsewhere
          focusRef={fallbackFocus}
          highLevelUrl={highLevelUrl}
          reason={`${refusedReadOnly && draft.send.state === 'failed' ? draft.send.reason : 'This inbox’s server is read-only: replies cannot be sent from here.'}${draft?.text ? ' Your draft is kept.' : ''}`}
        />
      ) : elsewhere ? (
        <ReplyElsewhere
          focusRef={fallbackFocus}
          highLevelUrl={highLevelUrl}
          reason={`The customer wrote on ${target.channelLabel}, which HighLevel’s API cannot answer from here.`}
        >
          {target.channels.length > 0 && (
            <button type="button" onClick={() => setOtherChannelFor(conversationId)} className={quietButtonClass}>
              Reply by another channel
            </button>
          )}
        </ReplyElsewhere>
      ) : !firstChannel ? (
        <ReplyElsewhere
          focusRef={fallbackFocus}
          highLevelUrl={highLevelUrl}
          reason="This contact has no phone number, email address or messaging channel to reply on."
        />
      ) : open ? (
        <ReplyForm
          {...rest}
          conversationId={conversationId}
          channels={channels}
          defaultChannel={target.kind === 'channels' ? target.defaultChannel : firstChannel}
          draft={draft}
          messages={messages}
          placeholders={placeholders}
          onTextarea={(element) => {
            textarea.current = element
            if (element && focusWhenShown.current) {
              focusWhenShown.current = false
              element.focus()
            }
          }}
        />
      ) : (
        <button type="button" onClick={show} className={`${primaryButtonClass} self-start`}>
          Reply
        </button>
      )}
    </section>
  )
}
