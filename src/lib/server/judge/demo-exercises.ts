// Two small exercises to try the judge with on a fresh database (the exercises issue brings real content).
import type { Database } from '../db';
import { exerciseCases, exercises } from './schema';

interface DemoExercise {
	slug: string;
	titleJa: string;
	titleEn: string;
	statementJa: string;
	statementEn: string;
	cases: Array<{ isSample: boolean; input: string; expectedOutput: string }>;
}

const greeting = (name: string) => ({ input: `${name}\n`, expectedOutput: `こんにちは、${name}!\n` });
const sum = (a: number, b: number) => ({ input: `${a} ${b}\n`, expectedOutput: `${a + b}\n` });

export const demoExercises: DemoExercise[] = [
	{
		slug: 'hello',
		titleJa: 'あいさつしよう',
		titleEn: 'Say hello',
		statementJa: '名前が1行で入力されます。「こんにちは、名前!」と出力してください。',
		statementEn: 'A name is given on one line. Print "こんにちは、<name>!".',
		cases: [
			{ isSample: true, ...greeting('金沢') },
			{ isSample: true, ...greeting('Taro') },
			{ isSample: false, ...greeting('兼六園') },
			{ isSample: false, ...greeting('IT部活') },
			{ isSample: false, ...greeting('a') }
		]
	},
	{
		slug: 'sum-of-two-numbers',
		titleJa: '2つの数の足し算',
		titleEn: 'Sum of two numbers',
		statementJa: '整数 A と B がスペース区切りで1行に入力されます。A + B を出力してください。',
		statementEn: 'Two integers A and B are given on one line, separated by a space. Print A + B.',
		cases: [
			{ isSample: true, ...sum(1, 2) },
			{ isSample: true, ...sum(10, 20) },
			{ isSample: false, ...sum(-5, 5) },
			{ isSample: false, ...sum(0, 0) },
			{ isSample: false, ...sum(123456789, 987654321) }
		]
	}
];

/** Inserts the demo exercises that are not there yet (by slug), published, for both languages. */
export async function seedDemoExercises(db: Database): Promise<void> {
	for (const { cases, ...exercise } of demoExercises) {
		await db.transaction(async (tx) => {
			const [inserted] = await tx
				.insert(exercises)
				.values({ ...exercise, languages: ['python', 'javascript'], published: true })
				.onConflictDoNothing({ target: exercises.slug })
				.returning({ id: exercises.id });
			if (!inserted) return;
			await tx.insert(exerciseCases).values(cases.map((testCase, position) => ({ ...testCase, exerciseId: inserted.id, position })));
		});
	}
}
