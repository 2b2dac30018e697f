/**
 * Worker threads load compiled JavaScript: a `.ts` entry fails with ERR_UNKNOWN_FILE_EXTENSION. From the
 * build (dist/src/jobs/*.js) the thread files are this module's siblings; when this module runs from its
 * TypeScript source (jest), the same files are taken from dist/, which `npm run build` produced.
 */
export function compiledSibling(moduleUrl: string, fileName: string): URL {
  const here = new URL('.', moduleUrl);
  if (moduleUrl.endsWith('.js')) return new URL(fileName, here);
  const repoRoot = new URL('../../', here);
  const relativeDir = here.href.slice(repoRoot.href.length);
  return new URL(`dist/${relativeDir}${fileName}`, repoRoot);
}
