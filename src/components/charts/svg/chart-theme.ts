import { palette } from '../palette';

/** The colours a drawn chart uses. Light is the app's palette; dark keeps AA contrast on #14202b. */
export interface ChartTheme {
  background: string;
  text: string;
  textSoft: string;
  grid: string;
  primary: string;
  muted: string;
  derived: string;
  derivedDot: string;
  sampleFill: string;
  sampleStroke: string;
}

export const lightChartTheme: ChartTheme = {
  background: '#ffffff',
  text: palette.text,
  textSoft: '#4a5561',
  grid: palette.grid,
  primary: palette.primary,
  muted: palette.muted,
  derived: palette.derived,
  derivedDot: '#ffffff',
  sampleFill: '#fbe9d0',
  sampleStroke: palette.sampleStroke,
};

export const darkChartTheme: ChartTheme = {
  background: '#14202b',
  text: '#e8edf2',
  textSoft: '#b8c4cf',
  grid: '#3a4a59',
  primary: '#7fb8e0',
  muted: '#7d8a97',
  derived: '#5d93bd',
  derivedDot: '#14202b',
  sampleFill: '#4a3418',
  sampleStroke: '#f0a75a',
};
