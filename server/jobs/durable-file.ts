import { open, rename, unlink } from 'node:fs/promises'
import { dirname } from 'node:path'

/** Makes a directory entry (a create, a rename) durable: its directory is flushed too. */
export async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Replaces `path` whole or not at all: the text goes to a temporary file beside it, flushed,
 * then renamed over it (rename is atomic within a directory), then the directory is flushed.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`
  const handle = await open(temporary, 'w')
  try {
    await handle.writeFile(text, 'utf8')
    await handle.sync()
  } catch (error) {
    await handle.close()
    await unlink(temporary).catch(() => {})
    throw error
  }
  await handle.close()
  await rename(temporary, path)
  await syncDirectory(dirname(path))
}
