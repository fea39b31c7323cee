// A vitest reporter, beside the default one: after a run it prints the ten test files that took longest (their
// tests and hooks, plus importing them), so that whoever makes the suite slow sees it at the end of every run.
import type { Reporter, TestModule } from 'vitest/node';

const shown = 10;

export default class SlowestTestFiles implements Reporter {
	onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
		if (testModules.length < 2) return;
		const timed = testModules.map((module) => {
			const { duration, collectDuration } = module.diagnostic();
			return { file: module.relativeModuleId, project: module.project.name, seconds: (duration + collectDuration) / 1000 };
		});
		timed.sort((a, b) => b.seconds - a.seconds);
		const lines = timed.slice(0, shown).map(({ file, project, seconds }) => `  ${seconds.toFixed(1).padStart(6)} s  ${file}${project ? ` [${project}]` : ''}`);
		console.log(`\nslowest ${Math.min(shown, timed.length)} test files (tests, hooks and import):\n${lines.join('\n')}\n`);
	}
}
