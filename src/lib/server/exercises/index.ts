// Exercises: the curriculum folders and their import, the catalog, the student's workspace (drafts, history,
// progress) and authoring (editing, verification, publishing, export).
// import * as exercises from '$lib/server/exercises'
export { loadCurriculum, loadExerciseFolder, exerciseToFolder, defaultCurriculumRoot, ExerciseContentError, sourceExtensions } from './content';
export type { ExerciseContent, ExerciseContentCase } from './content';
export { topics, topicIds, topicById } from './topics';
export type { Topic, TopicId } from './topics';
export * from './import';
export * from './catalog';
export * from './workspace';
export * from './drafts';
export * from './history';
export * from './profile';
export * from './authors';
export * from './authoring';
export * from './verification';
export * from './export';
export { loadStoredExercise } from './stored';
export { renderMarkdown, renderInlineMarkdown } from './markdown';
export { exerciseDrafts, exerciseVerifications, exerciseAuthors } from './schema';
export { exercises, exerciseCases } from '../db/schema';
export type { Exercise, ExerciseCase } from '../db/schema';
