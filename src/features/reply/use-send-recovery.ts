import { useEffect, useEffectEvent, useRef, useState } from 'react'
import { describeError } from '../../api/describe-error'
import { recoverStaleSend, STALE_SEND_MS, TAB_ID, type SendState } from './draft-store'
import { checkMaybeSent, sendsInFlight, type ReplyThreadCallbacks } from './send-reply'

type MaybeSent = Extract<SendState, { state: 'maybe-sent' }>

function describeCheckError(error: unknown): string {
  const { title, detail } = describeError(error)
  return `${title}. ${detail}`
}

/**
 * Finishes what a gone page left: a send still "sending" with no request waiting for it becomes
 * "may have been sent" once it is stale, and a send that may have been sent is looked for in the
 * conversation (once per mount by itself, again on `checkAgain`).
 */
export function useSendRecovery(
  conversationId: string,
  send: SendState,
  callbacks: ReplyThreadCallbacks,
): { checking: boolean; checkAgain: () => void } {
  const [checkingId, setCheckingId] = useState<string>()
  const checked = useRef(new Set<string>())

  const sendingId = send.state === 'sending' ? send.sendId : undefined
  const staleAt = send.state === 'sending' ? (send.tabId === TAB_ID ? 0 : send.startedAt + STALE_SEND_MS) : 0
  useEffect(() => {
    if (!sendingId || sendsInFlight.has(sendingId)) return
    const timer = setTimeout(() => recoverStaleSend(conversationId, Date.now(), sendsInFlight), Math.max(0, staleAt - Date.now()))
    return () => clearTimeout(timer)
  }, [conversationId, sendingId, staleAt])

  function check(maybe: MaybeSent): void {
    checked.current.add(maybe.sendId)
    setCheckingId(maybe.sendId)
    void checkMaybeSent(conversationId, maybe, callbacks, describeCheckError).finally(() =>
      setCheckingId((current) => (current === maybe.sendId ? undefined : current)),
    )
  }
  const checkOnce = useEffectEvent((maybe: MaybeSent) => {
    if (!checked.current.has(maybe.sendId)) check(maybe)
  })
  const maybe = send.state === 'maybe-sent' ? send : undefined
  useEffect(() => {
    if (maybe) checkOnce(maybe)
  }, [maybe])

  return {
    checking: maybe !== undefined && checkingId === maybe.sendId,
    checkAgain: () => {
      if (maybe) check(maybe)
    },
  }
}
