export * from './report';
export { getTarget, setTarget } from './target';
export type { Forecast, Target, ChartMonth } from './forecast';
export type { WeekPoint } from './aggregates';
export { dashboardOverview, overviewMaxAgeMs } from './overview';
export {
	funnelPage,
	exportFunnel,
	funnelStages,
	funnelMaxAgeMs,
	type FunnelReport,
	type FunnelCounts,
	type FunnelStage,
	type FunnelStep
} from './funnel-report';
export type { Scenario, Conversion, WhatIf } from './forecast';
