import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const VIRTUAL = '\0graphql-document:';

/**
 * Production builds only: replaces each `graphql(`…`)` call with the document GraphQL Code
 * Generator emitted for it in `src/gql/graphql.ts` (what the client preset's Babel plugin
 * does), each document a module of its own. Without it, `graphql()` looks documents up in
 * one map holding every operation of the app, and that map — or `graphql.ts` as one module —
 * would land, whole, in the entry chunk; with it, each lazily loaded screen carries only its
 * own documents. In development and in tests `graphql()` runs as generated.
 *
 * Relies on the generated form `export const XDocument = {…} as unknown as DocumentNode<…>;`
 * (one line each); a document it cannot find fails the build.
 */
export function graphqlDocuments(): Plugin {
  const generated = resolve(import.meta.dirname, 'src/gql/graphql.ts');
  const gqlDir = resolve(import.meta.dirname, 'src/gql');
  let documents = new Map<string, string>();

  return {
    name: 'alliance-hub:graphql-documents',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      const source = readFileSync(generated, 'utf8');
      documents = new Map(
        [...source.matchAll(/^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm)].map(
          (m) => [m[1] ?? '', m[2] ?? ''],
        ),
      );
      this.addWatchFile(generated);
    },
    resolveId(id) {
      return id.startsWith(VIRTUAL) ? id : null;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL)) return null;
      const ast = documents.get(id.slice(VIRTUAL.length));
      if (ast === undefined) this.error(`no generated document for ${id.slice(VIRTUAL.length)}`);
      return `export default ${ast};`;
    },
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!/\.(ts|tsx)$/.test(file) || file.startsWith(gqlDir) || !code.includes('graphql(`')) {
        return null;
      }
      const imports = new Map<string, string>();
      const out = code.replace(/\bgraphql\(\s*`((?:[^`$]|\$(?!\{))*)`\s*\)/g, (_call, document: string) => {
        const body = document.replace(/#[^\n]*/g, '');
        const match = /^\s*(query|mutation|subscription|fragment)\s+([A-Za-z_]\w*)/.exec(body);
        if (!match?.[1] || !match[2]) {
          this.error(`${file}: a graphql() document without a named operation or fragment`);
        }
        const name = `${match[2]}${match[1] === 'fragment' ? 'FragmentDoc' : 'Document'}`;
        if (!documents.has(name)) {
          this.error(`${file}: ${name} is not in src/gql/graphql.ts — run \`npm run codegen\``);
        }
        const local = `__graphql_${name}`;
        imports.set(name, local);
        return local;
      });
      if (imports.size === 0) return null;
      if (/\bgraphql\(/.test(out)) {
        this.error(`${file}: a graphql() call this plugin cannot replace (interpolation?)`);
      }
      const header = [...imports]
        .map(([name, local]) => `import ${local} from ${JSON.stringify(VIRTUAL + name)};`)
        .join('\n');
      const withoutTag = out.replace(
        /^import\s*\{\s*graphql\s*\}\s*from\s*['"][./]*\/?gql(?:\/index)?['"];?\s*$/m,
        '',
      );
      return { code: `${header}\n${withoutTag}`, map: null };
    },
  };
}
