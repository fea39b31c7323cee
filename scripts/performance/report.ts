// Printing for the benchmark scripts: one aligned line per measured thing.
import type { SeedStep } from './large-dataset';

export function printSeedStep(step: SeedStep): void {
	const figure = step.skipped ? `skipped: ${step.skipped}` : `${((step.milliseconds ?? 0) / 1000).toFixed(2).padStart(8)} s`;
	console.log(`  ${step.table.padEnd(32)} ${figure}`);
}

export function percentile(sortedValues: readonly number[], fraction: number): number {
	if (!sortedValues.length) return Number.NaN;
	return sortedValues[Math.min(sortedValues.length - 1, Math.floor(sortedValues.length * fraction))]!;
}
