// Practice contests (#20, item 4): scheduled by coordinators, entered by students, scored from the judge's own
// submissions inside each entry's window, with a live scoreboard by nickname.
// import * as contests from '$lib/server/contests'
export * from './contests';
export * from './entries';
export { exerciseHold, type ExerciseHold } from './access';
export { contestState, entryWindow, rankStandings, type ContestState, type ProblemResult, type Standing, type Window } from './rules';
export { entryResults, computeStandings, wrongVerdicts } from './scoring';
export { scoreboardPage, scoreboardPageSize, scoreboardMaxAgeMs, type ScoreboardPage, type ScoreboardRow } from './scoreboard';
