// Validates a CSAF 2.0 document with BSI's csaf-validator-lib (secvisogram): the strict
// CSAF 2.0 JSON schema and every mandatory test (§6.1). (The optional tests of §6.2 only
// ever warn, and loading them doubles the run time: they are left out.)
//
// Usage: node csaf-validate.mjs <document.json>
// Prints the results as JSON; exits 0 when the document is valid, 1 when it is not, 2 on a
// usage or read error.
import { readFile } from 'node:fs/promises'

import validate from '@secvisogram/csaf-validator-lib/validate.js'
import { csaf_2_0_strict } from '@secvisogram/csaf-validator-lib/schemaTests.js'
import * as mandatory from '@secvisogram/csaf-validator-lib/mandatoryTests.js'

const file = process.argv[2]
if (!file) {
  console.error('usage: node csaf-validate.mjs <document.json>')
  process.exit(2)
}

let doc
try {
  doc = JSON.parse(await readFile(file, 'utf8'))
} catch (error) {
  console.error(`cannot read ${file}: ${error.message}`)
  process.exit(2)
}

const result = await validate([csaf_2_0_strict, ...Object.values(mandatory)], doc)

const failed = result.tests.filter((t) => !t.isValid || t.errors.length > 0)
const warnings = result.tests.filter((t) => t.warnings.length > 0)
const summary = {
  isValid: result.isValid && failed.length === 0,
  errors: failed.map(({ name, errors }) => ({ name, errors })),
  warnings: warnings.map(({ name, warnings }) => ({ name, warnings })),
  testsRun: result.tests.length,
}
console.log(JSON.stringify(summary, null, 2))
process.exit(summary.isValid ? 0 : 1)
