import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Operation types are generated from the committed SDL of the server, so a schema change
 * that breaks an operation of the frontend fails `npm run codegen` (validation) and then
 * `npm run typecheck`. The output in `src/gql/` is committed.
 */
const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*', '!src/**/*.test.{ts,tsx}'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        // Components read the fields their own documents select; no masking needed.
        fragmentMasking: false,
      },
      config: {
        // String unions instead of runtime enum objects: nothing extra in the bundle.
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
        scalars: { DateTime: 'string', JSON: 'unknown' },
        onlyOperationTypes: true,
      },
    },
  },
  hooks: {},
};

export default config;
