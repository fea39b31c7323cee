// What a new exercise starts from: the usual statement sections (see src/content/exercises/README.md), with one
// sample case that the statement shows, so that the author fills in rather than remembers the format. The statements
// are content in their own languages, whatever the language of the page.
export function newExerciseValues(order: number): Record<string, string> {
	const sampleInput = '3 4\n';
	const sampleOutput = '7\n';
	return {
		slug: '',
		titleJa: '',
		titleEn: '',
		order: String(order),
		difficulty: '1',
		mainTopic: '',
		timeLimitMs: '2000',
		memoryLimitMb: '256',
		outputLimitKb: '64',
		compare: 'lines',
		'language.python': 'on',
		'language.javascript': 'on',
		statementJa: `## 問題\n\n(ここに問題を書きます。)\n\n## 入力\n\n\`\`\`\nA B\n\`\`\`\n\n## 出力\n\n\n## 制約\n\n- \n\n## 入力例 1\n\n\`\`\`\n${sampleInput}\`\`\`\n\n## 出力例 1\n\n\`\`\`\n${sampleOutput}\`\`\``,
		statementEn: `## Problem\n\n(Describe the problem here.)\n\n## Input\n\n\`\`\`\nA B\n\`\`\`\n\n## Output\n\n\n## Constraints\n\n- \n\n## Sample Input 1\n\n\`\`\`\n${sampleInput}\`\`\`\n\n## Sample Output 1\n\n\`\`\`\n${sampleOutput}\`\`\``,
		'case.0.input': sampleInput,
		'case.0.output': sampleOutput,
		'case.0.sample': 'on'
	};
}
