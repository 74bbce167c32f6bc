import { FRAME_MS } from './config'
import type { ScrollRun } from './page-probes'

export interface FrameStats {
  frames: number
  p50Ms: number
  p95Ms: number
  maxMs: number
  /** Share of frames that missed a 60 Hz vsync (see `isLongFrame`). */
  longFrameShare: number
}

/**
 * requestAnimationFrame timestamps are vsync-aligned: a frame lasts 16.7 ms (±0.1 ms of jitter)
 * or, once it misses a vsync, 33.3 ms or more. Halfway between is the cut.
 */
export function isLongFrame(ms: number): boolean {
  return ms > FRAME_MS * 1.5
}

/** Nearest-rank percentile, `p` from 0 to 100. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)))
  return sorted[rank - 1] ?? Number.NaN
}

export function median(values: readonly number[]): number {
  return percentile(values, 50)
}

export function frameStats(frameTimes: readonly number[]): FrameStats {
  return {
    frames: frameTimes.length,
    p50Ms: percentile(frameTimes, 50),
    p95Ms: percentile(frameTimes, 95),
    maxMs: frameTimes.length ? Math.max(...frameTimes) : Number.NaN,
    longFrameShare: frameTimes.length ? frameTimes.filter(isLongFrame).length / frameTimes.length : Number.NaN,
  }
}

export interface ScrollStats extends FrameStats {
  distancePx: number
  /** Share of the frames sampled that showed a blank band or a placeholder row. */
  blankShare: number
}

export function scrollStats(run: ScrollRun): ScrollStats {
  const stats = frameStats(run.frameTimes)
  return { ...stats, distancePx: run.distancePx, blankShare: run.blankSampled ? run.blankFrames / run.blankSampled : Number.NaN }
}
