// Adds or replaces keys in messages/<locale>.json without touching the others: `node scripts/dev/merge-messages.mjs FILE.json`
// where FILE.json is { "ja": { key: text }, "en": { key: text } }.
import { readFileSync, writeFileSync } from 'node:fs';

const additions = JSON.parse(readFileSync(process.argv[2], 'utf8'));
for (const [locale, entries] of Object.entries(additions)) {
	const path = new URL(`../../messages/${locale}.json`, import.meta.url);
	const current = JSON.parse(readFileSync(path, 'utf8'));
	const merged = { ...current, ...entries };
	const sorted = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)));
	writeFileSync(path, JSON.stringify(sorted, null, '\t') + '\n');
}
