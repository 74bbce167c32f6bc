import { readdirSync } from 'node:fs'
import js from '@eslint/js'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// Features do not reach into each other: they meet only in src/app, which composes them.
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

// The browser bundle never imports the server side.
const noServerImports = { group: ['**/server/**'], message: 'The app must not import server code.' }

// The shared layers (see docs/architecture.md) serve every feature: they import no feature and no app code.
const sharedLayers = ['api', 'lib', 'components', 'view']
const noFeatureOrAppImports = {
  group: ['**/features', '**/features/**', '**/app', '**/app/**'],
  message: 'Shared layers (api, lib, components, view) import no feature or app code: move what both need into a shared layer.',
}

const featureBoundaries = features.map((feature) => ({
  files: [`src/features/${feature}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          noServerImports,
          ...features
            .filter((other) => other !== feature)
            .map((other) => ({
              group: [`**/features/${other}`, `**/features/${other}/**`],
              message: `Features do not import each other: compose ${feature} and ${other} in src/app.`,
            })),
        ],
      },
    ],
  },
}))

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{js,ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    // We do not run the React Compiler; TanStack Virtual's and Table's hooks are fine without it.
    rules: { ...reactHooks.configs.flat['recommended-latest'].rules, 'react-hooks/incompatible-library': 'off' },
  },
  {
    files: ['src/**/*.tsx'],
    ...jsxA11y.flatConfigs.strict,
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noServerImports] }],
      // The server renders the first screen: a store read without getServerSnapshot throws there.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='useSyncExternalStore'][arguments.length<3]",
          message: 'Pass getServerSnapshot too: the server renders the first screen with these components.',
        },
      ],
    },
  },
  {
    files: sharedLayers.map((layer) => `src/${layer}/**/*.{ts,tsx}`),
    rules: { 'no-restricted-imports': ['error', { patterns: [noServerImports, noFeatureOrAppImports] }] },
  },
  ...featureBoundaries,
)
