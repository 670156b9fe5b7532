// Checks a Teams app manifest, or one of its language files (es-es.json: the localization schema),
// against the JSON schema that npm @microsoft/app-manifest bundles,
// with no network: the schema file is read from the package and handed to the validator, and
// fetch is disabled so a manifest pointing at a schema the package lacks fails instead of
// downloading it.
//
//   node validate-manifest.js <folder holding node_modules> <manifest.json>
//
// Prints a JSON array of the schema errors ([] when the manifest is valid) and exits 0 whenever
// the validation ran; exits 1 with the reason on stderr when it could not run.
'use strict';

const fs = require('fs');
const path = require('path');

const bundledPrefix = 'https://developer.microsoft.com/json-schemas/';

async function main() {
  const [toolsFolder, manifestPath] = process.argv.slice(2);
  if (!toolsFolder || !manifestPath) {
    throw new Error('usage: node validate-manifest.js <folder holding node_modules> <manifest.json>');
  }

  globalThis.fetch = async (url) => {
    throw new Error(`validate-manifest: network use refused (${url})`);
  };

  const packageFolder = path.dirname(require.resolve('@microsoft/app-manifest/package.json', { paths: [toolsFolder] }));
  const { AppManifestUtils } = require(packageFolder);

  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  const schemaUrl = manifest.$schema;
  if (typeof schemaUrl !== 'string' || !schemaUrl.startsWith(bundledPrefix)) {
    throw new Error(`$schema ${schemaUrl} is not one @microsoft/app-manifest bundles`);
  }

  const schemaFile = path.join(packageFolder, 'build', 'json-schemas', schemaUrl.substring(bundledPrefix.length));
  if (!fs.existsSync(schemaFile)) {
    throw new Error(`@microsoft/app-manifest has no ${schemaFile} for $schema ${schemaUrl}`);
  }

  // The package cleans the same two escapes before parsing its own schema files.
  const raw = fs.readFileSync(schemaFile, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  const schema = JSON.parse(raw);
  const errors = schemaUrl.endsWith('/MicrosoftTeams.Localization.schema.json')
    ? validateLocalization(packageFolder, manifest, schema)
    : await AppManifestUtils.validateAgainstSchema(manifest, schema);
  process.stdout.write(JSON.stringify(errors));
}

// The localization schema's key patterns (e.g. "activities.activityTypes\[\b(…)\b]") are written for
// JavaScript's legacy regular expressions: a lone "]" is an error in the unicode mode AppManifestUtils
// compiles with. So it is compiled here with the package's own ajv draft-04 and the same options, but
// legacy patterns; the errors read as AppManifestUtils words them.
function validateLocalization(packageFolder, file, schema) {
  const from = { paths: [packageFolder] };
  const Ajv = require(require.resolve('ajv-draft-04', from)).default;
  const addFormats = require(require.resolve('ajv-formats', from)).default;
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  return validate(file)
    ? []
    : validate.errors.map((e) => `${e.instancePath} ${e.message || ''}. Details: ${e.params ? JSON.stringify(e.params) : ''}`);
}

main().catch((error) => {
  process.stderr.write(`${(error && error.stack) || error}\n`);
  process.exit(1);
});
