export * from './report';
export { getTarget, setTarget } from './target';
export type { Forecast, Target, ChartMonth } from './forecast';
export type { WeekPoint } from './aggregates';
export { dashboardOverview, overviewMaxAgeMs } from './overview';
