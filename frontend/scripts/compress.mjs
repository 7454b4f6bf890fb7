#!/usr/bin/env node
/**
 * Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) next to every
 * .js, .css, .html, .svg and .json file under dist/ (or the directory given as the first
 * argument). The server sends one of them instead of the file when the browser accepts that
 * encoding. Node's zlib only: no dependency.
 *
 *   node scripts/compress.mjs [dir]
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

const EXTENSIONS = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json']);

const root = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'dist'));

/** @param {string} dir @returns {AsyncGenerator<string>} */
async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile() && EXTENSIONS.has(extname(entry.name))) yield path;
  }
}

/** @param {number} n */
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

try {
  if (!(await stat(root)).isDirectory()) throw new Error('not a directory');
} catch {
  console.error(`compress: ${root} is not a directory; run \`vite build\` first`);
  process.exit(1);
}

let count = 0;
let raw = 0;
let brTotal = 0;
let gzTotal = 0;
for await (const path of files(root)) {
  const data = await readFile(path);
  const [br, gzipped] = await Promise.all([
    brotli(data, {
      params: {
        // All of them are UTF-8 text.
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
    gz(data, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)]);
  count += 1;
  raw += data.length;
  brTotal += br.length;
  gzTotal += gzipped.length;
  if (process.env.COMPRESS_VERBOSE) {
    console.log(`${relative(root, path)}: ${kb(data.length)} → br ${kb(br.length)}, gz ${kb(gzipped.length)}`);
  }
}

console.log(
  `compress: ${String(count)} files in ${relative(process.cwd(), root) || '.'}: ${kb(raw)} → brotli ${kb(brTotal)}, gzip ${kb(gzTotal)}`,
);
