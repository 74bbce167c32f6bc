/**
 * Which running job may change which conversation: two jobs never change the same one at
 * once. A job claims all its pending conversations before its first write; a job whose
 * conversations overlap a running job's waits until that job ends (docs/bulk-jobs.md).
 */
export interface Claims {
  /** The jobs holding any of `ids`, with how many of them each holds. */
  holders(ids: readonly string[], except: string): Map<string, number>
  claim(jobId: string, ids: readonly string[]): void
  release(jobId: string): void
}

export function createClaims(): Claims {
  const owner = new Map<string, string>()
  const byJob = new Map<string, readonly string[]>()
  return {
    holders(ids, except) {
      const found = new Map<string, number>()
      for (const id of ids) {
        const holder = owner.get(id)
        if (holder !== undefined && holder !== except) found.set(holder, (found.get(holder) ?? 0) + 1)
      }
      return found
    },
    claim(jobId, ids) {
      for (const id of ids) owner.set(id, jobId)
      byJob.set(jobId, ids)
    },
    release(jobId) {
      for (const id of byJob.get(jobId) ?? []) if (owner.get(id) === jobId) owner.delete(id)
      byJob.delete(jobId)
    },
  }
}
