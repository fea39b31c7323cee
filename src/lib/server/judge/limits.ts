// Resource limits of one run; each exercise may override the defaults.

export interface RunLimits {
	/** Wall-clock time per case, from start to exit, interpreter start-up (10–40 ms) included. */
	timeLimitMs: number;
	/** Memory the program may allocate. */
	memoryLimitMb: number;
	/** stdout and stderr each, per case; the program is stopped when it writes more. */
	outputLimitKb: number;
	/** Processes and threads the program may have at once (an interpreter itself uses several). */
	processLimit: number;
}

export const defaultLimits: RunLimits = {
	timeLimitMs: 2000,
	memoryLimitMb: 256,
	outputLimitKb: 64,
	processLimit: 64
};

/**
 * Extra wall-clock time before a run is killed, so that interpreter start-up (10–40 ms) and a busy
 * machine do not kill a program that is within its limit; a program over the limit is TLE either way.
 */
export const startupAllowanceMs = 500;

/** Largest writable file the program may create in its work directory, and the size of that directory. */
export const fileSizeLimitBytes = 8 * 1024 * 1024;
export const workDirectorySizeBytes = 16 * 1024 * 1024;
