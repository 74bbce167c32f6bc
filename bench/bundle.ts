import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface AssetSizes {
  files: { path: string; gzipBytes: number }[]
  gzipBytes: number
}

export interface FirstVisitBundle {
  js: AssetSizes
  css: AssetSizes
}

/**
 * The gzip size of the scripts and style sheets a first visit fetched (paths as the browser
 * requested them), read from `dist/`. Level 9, as `vite build` reports its gzip sizes.
 */
export async function firstVisitBundle(requestedPaths: readonly string[], distDir = 'dist'): Promise<FirstVisitBundle> {
  const unique = [...new Set(requestedPaths)]
  const sizes = async (extension: string): Promise<AssetSizes> => {
    const files = await Promise.all(
      unique
        .filter((path) => path.endsWith(extension))
        .map(async (path) => ({ path, gzipBytes: gzipSync(await readFile(join(distDir, path)), { level: 9 }).length })),
    )
    return { files, gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0) }
  }
  return { js: await sizes('.js'), css: await sizes('.css') }
}
