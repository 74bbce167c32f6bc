import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { Message } from '../../api/schemas/message'
import { MAX_MESSAGE_CHARS, type SendType } from '../../api/schemas/send'
import type { Template } from '../../api/schemas/template'
import { LabelledField } from '../../components/ui/labelled-field'
import { inputClass, primaryButtonClass, quietButtonClass } from '../../components/ui/styles'
import { saveDraft, type Draft, type SendState } from './draft-store'
import { unfilledPlaceholders, type PlaceholderValues } from './placeholders'
import { sendChannelLabel, templateTypeFor } from './reply-channels'
import { replySubject, useEmailThread } from './reply-thread'
import { sendReply, type ReplyThreadCallbacks } from './send-reply'
import { ChannelSelect } from './channel-select'
import { CollisionWarning } from './collision-warning'
import { SendStatus } from './send-status'
import { SmsCounter } from './sms-counter'
import { PlaceholderConfirm } from './placeholder-confirm'
import { insertAt, templateText } from './template-text'
import { TemplatePicker } from './template-picker'
import { useSendRecovery } from './use-send-recovery'

/** Someone else's reply since the conversation was opened. */
export interface OtherReply {
  id: string
  who: string
  text: string
}

export interface ReplyFormProps extends ReplyThreadCallbacks {
  conversationId: string
  contactId: string
  locationId: string
  channels: readonly SendType[]
  defaultChannel: SendType
  draft: Draft | undefined
  messages: readonly Message[]
  placeholders: PlaceholderValues
  /** Sending over it asks first, once per such reply. */
  otherReply?: OtherReply
  /**
   * Runs right before each send (ends quickly whatever happens): the other reply it finds, if
   * any, is asked about first, as `otherReply` is. Repeated presses meanwhile are ignored.
   */
  beforeSend?: () => Promise<OtherReply | undefined>
  /** Hears the text box mount, to focus it on "Reply" or `r`. */
  onTextarea: (element: HTMLTextAreaElement | null) => void
}

const IDLE: SendState = { state: 'idle' }
/** How long the check before a send runs before the form says it is checking. */
const CHECK_NOTICE_AFTER_MS = 300

/** The composer itself: channel, subject, text, templates, and the send with its states. */
export function ReplyForm({ conversationId, contactId, locationId, channels, defaultChannel, draft, messages, placeholders, otherReply, beforeSend, onTextarea, ...callbacks }: ReplyFormProps) {
  const ids = { channel: useId(), subject: useId(), text: useId(), counter: useId(), hint: useId() }
  const textarea = useRef<HTMLTextAreaElement>(null)
  const cursorAfterRender = useRef<number>(undefined)
  const [templatesOpen, setTemplatesOpen] = useState(false)
  const [confirming, setConfirming] = useState<{ unfilled: string[]; afterMaybeSent?: boolean }>()
  const [done, setDone] = useState<string>()
  const [overOther, setOverOther] = useState<{ asking?: OtherReply; confirmedId?: string }>({})
  const [checking, setChecking] = useState(false)
  const checkingNow = useRef(false)

  const latest = useRef(callbacks)
  useEffect(() => {
    latest.current = callbacks
  })
  const thread: ReplyThreadCallbacks = {
    onSending: (message) => latest.current.onSending?.(message),
    onSent: (message, pendingId) => latest.current.onSent?.(message, pendingId),
    onSendFailed: (pendingId) => latest.current.onSendFailed?.(pendingId),
  }

  const text = draft?.text ?? ''
  const channel = draft?.channel && channels.includes(draft.channel) ? draft.channel : defaultChannel
  const isEmail = channel === 'Email'
  const email = useEmailThread(messages, isEmail)
  const subject = draft?.subject ?? replySubject(email.subject)
  const send = draft?.send ?? IDLE
  const sending = send.state === 'sending'
  const recovery = useSendRecovery(conversationId, send, thread)

  useLayoutEffect(() => {
    if (cursorAfterRender.current === undefined) return
    textarea.current?.setSelectionRange(cursorAfterRender.current, cursorAfterRender.current)
    cursorAfterRender.current = undefined
  }, [text])

  type SendOptions = { confirmed?: boolean; afterMaybeSent?: boolean; overOtherId?: string; checked?: OtherReply | null }
  const latestRequestSend = useRef<(options: SendOptions) => void>(undefined)
  useEffect(() => {
    latestRequestSend.current = requestSend
  })

  function requestSend(options: SendOptions = {}): void {
    if (!text.trim() || sending || checkingNow.current || (send.state === 'maybe-sent' && !options.afterMaybeSent)) return
    // `checked`: what the check right before this send found (null: nothing); else the one known.
    const other = options.checked ?? otherReply
    if (other && overOther.confirmedId !== other.id && options.overOtherId !== other.id) {
      setOverOther({ asking: other, confirmedId: overOther.confirmedId })
      return
    }
    if (beforeSend && options.checked === undefined) {
      checkingNow.current = true
      // Said only when it takes a while: a quick check would only flash.
      const slow = setTimeout(() => setChecking(true), CHECK_NOTICE_AFTER_MS)
      void beforeSend()
        .catch(() => undefined)
        .then((found) => {
          checkingNow.current = false
          clearTimeout(slow)
          setChecking(false)
          // The latest render's: the text and confirmations as they are now.
          latestRequestSend.current?.({ ...options, checked: found ?? null })
        })
      return
    }
    const unfilled = unfilledPlaceholders(isEmail ? `${subject}\n${text}` : text)
    if (unfilled.length > 0 && !options.confirmed) {
      setConfirming({ unfilled, afterMaybeSent: options.afterMaybeSent })
      return
    }
    setConfirming(undefined)
    setDone(undefined)
    const request = { conversationId, contactId, type: channel, text, subject, replyMessageId: email.replyMessageId, threadId: email.threadId }
    void sendReply(request, thread, { afterMaybeSent: options.afterMaybeSent }).then((result) => {
      if (result === 'sent') setDone('Sent.')
    })
  }

  function edit(fields: Partial<Pick<Draft, 'text' | 'subject' | 'channel'>>): void {
    setConfirming(undefined)
    setOverOther(({ confirmedId }) => ({ confirmedId }))
    setDone(undefined)
    saveDraft(conversationId, fields)
  }

  function choose(template: Template): void {
    const inserted = templateText(template, placeholders)
    const box = textarea.current
    const next = insertAt(text, inserted.text, box?.selectionStart ?? text.length, box?.selectionEnd ?? text.length)
    cursorAfterRender.current = next.cursor
    edit({ text: next.text, ...(isEmail && inserted.subject && !subject ? { subject: inserted.subject } : {}) })
    setTemplatesOpen(false)
    const name = template.name?.trim() || 'the template'
    setDone(inserted.fromHtml ? `Inserted ${name} as plain text: the email template's formatting is not kept.` : `Inserted ${name}.`)
    box?.focus()
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>): void {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return
    event.preventDefault()
    requestSend()
  }

  const label = sendChannelLabel(channel)
  return (
    <form
      aria-label="Reply"
      className="flex flex-col gap-2"
      onSubmit={(event) => {
        event.preventDefault()
        requestSend()
      }}
    >
      <div className="flex flex-wrap items-end gap-2">
        <ChannelSelect id={ids.channel} channels={channels} value={channel} disabled={sending} onChange={(chosen) => edit({ channel: chosen })} />
        <button type="button" aria-expanded={templatesOpen} onClick={() => setTemplatesOpen((open) => !open)} className={quietButtonClass}>
          Templates
        </button>
      </div>
      {templatesOpen && (
        <TemplatePicker
          locationId={locationId}
          type={templateTypeFor(channel)}
          onChoose={choose}
          onClose={() => {
            setTemplatesOpen(false)
            textarea.current?.focus()
          }}
        />
      )}
      {isEmail && (
        <LabelledField id={ids.subject} label="Subject">
          <input
            id={ids.subject}
            value={subject}
            readOnly={sending}
            placeholder={email.loading ? 'Loading the subject…' : undefined}
            onChange={(event) => edit({ subject: event.target.value })}
            onKeyDown={onKeyDown}
            className={inputClass}
          />
        </LabelledField>
      )}
      <LabelledField id={ids.text} label={`Reply by ${label}`}>
        <textarea
          id={ids.text}
          ref={(element) => {
            textarea.current = element
            onTextarea(element)
          }}
          value={text}
          rows={4}
          maxLength={MAX_MESSAGE_CHARS}
          readOnly={sending}
          aria-describedby={`${channel === 'SMS' ? ids.counter : ''} ${ids.hint}`.trim()}
          onChange={(event) => {
            // `#` in an empty box opens the templates instead of being typed.
            if (text === '' && event.target.value === '#') setTemplatesOpen(true)
            else edit({ text: event.target.value })
          }}
          onKeyDown={onKeyDown}
          className={`${inputClass} resize-y`}
        />
      </LabelledField>
      {channel === 'SMS' && <SmsCounter id={ids.counter} text={text} />}
      {overOther.asking && (
        <CollisionWarning
          other={overOther.asking}
          onSend={() => {
            const confirmedId = overOther.asking?.id
            setOverOther({ confirmedId })
            requestSend({ overOtherId: confirmedId })
          }}
          onKeepEditing={() => {
            setOverOther(({ confirmedId }) => ({ confirmedId }))
            textarea.current?.focus()
          }}
        />
      )}
      {confirming && (
        <PlaceholderConfirm
          unfilled={confirming.unfilled}
          onSendAnyway={() => requestSend({ confirmed: true, afterMaybeSent: confirming.afterMaybeSent })}
          onKeepEditing={() => {
            setConfirming(undefined)
            textarea.current?.focus()
          }}
        />
      )}
      {checking && (
        <p role="status" className="text-xs text-slate-600 dark:text-slate-300">
          Checking HighLevel for a newer reply…
        </p>
      )}
      <SendStatus
        send={send}
        checking={recovery.checking}
        done={done}
        onCheckAgain={recovery.checkAgain}
        onSendAgain={() => requestSend({ afterMaybeSent: true })}
      />
      <div className="flex items-center gap-3">
        {send.state !== 'maybe-sent' && (
          <button type="submit" disabled={sending || !text.trim()} className={primaryButtonClass}>
            {send.state === 'failed' ? 'Try again' : 'Send'}
          </button>
        )}
        <p id={ids.hint} className="text-xs text-slate-500 dark:text-slate-400">
          Ctrl+Enter (⌘+Enter) sends.
        </p>
      </div>
    </form>
  )
}
