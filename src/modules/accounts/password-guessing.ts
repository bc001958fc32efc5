// zxcvbn-ts judges how guessable a password is by matching it against large dictionaries, which
// takes 30–100 ms of CPU per password. On the event loop a burst of sign-ups would hold every other
// request (and the database pool's hand-overs) for seconds, so the matching runs in one long-lived
// worker thread, one password after another. Only the matches come back, never the password.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/errors.ts';

export interface GuessingMatch {
  pattern: string;
  dictionaryName?: string;
  token: string;
}

export interface Guessing {
  /** zxcvbn's score, 0 (too guessable) to 4 (very unguessable). */
  score: number;
  sequence: GuessingMatch[];
}

const resolve = createRequire(import.meta.url).resolve;
const packages = {
  core: resolve('@zxcvbn-ts/core'),
  common: resolve('@zxcvbn-ts/language-common'),
  en: resolve('@zxcvbn-ts/language-en'),
  fr: resolve('@zxcvbn-ts/language-fr'),
  nl: resolve('@zxcvbn-ts/language-nl-be'),
};

// Plain JavaScript (a worker runs no TypeScript), the packages' CommonJS builds by resolved path.
const workerScript = `
const { parentPort, workerData: p } = require('node:worker_threads');
const { ZxcvbnFactory } = require(p.core);
const common = require(p.common), en = require(p.en), fr = require(p.fr), nl = require(p.nl);
const zxcvbn = new ZxcvbnFactory({
  graphs: common.adjacencyGraphs,
  dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary, ...nl.dictionary },
});
parentPort.on('message', async ({ id, password, inputs }) => {
  try {
    const result = await zxcvbn.checkAsync(password, inputs);
    const sequence = result.sequence.map((m) => ({ pattern: m.pattern, dictionaryName: m.dictionaryName, token: m.token }));
    parentPort.postMessage({ id, score: result.score, sequence });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

/** More passwords than this waiting means a flood: the next are told to try again shortly. */
const maxWaiting = 200;

interface Waiting {
  resolve(guessing: Guessing): void;
  reject(error: Error): void;
}

let worker: Worker | null = null;
const waiting = new Map<number, Waiting>();
let nextId = 0;

function failAll(from: Worker, error: Error): void {
  if (worker !== from) return;
  for (const entry of waiting.values()) entry.reject(error);
  waiting.clear();
  worker = null;
}

function startWorker(): Worker {
  const started = new Worker(workerScript, { eval: true, workerData: packages });
  started.on('message', (answer: { id: number; error?: string } & Guessing) => {
    const entry = waiting.get(answer.id);
    if (!entry) return;
    waiting.delete(answer.id);
    if (answer.error) entry.reject(new Error(`password check failed: ${answer.error}`));
    else entry.resolve({ score: answer.score, sequence: answer.sequence });
    // An idle worker must not keep a process (a command-line tool, a test) from ending.
    if (!waiting.size) started.unref();
  });
  started.on('error', (error) => failAll(started, error));
  started.on('exit', (code) =>
    failAll(started, new Error(`the password checker stopped (exit code ${code})`)),
  );
  return started;
}

/** How guessable a password is, judged in the worker; `inputs` are the person's own words. */
export function judgeGuessing(password: string, inputs: string[]): Promise<Guessing> {
  if (waiting.size >= maxWaiting)
    return Promise.reject(new AppError('RATE_LIMITED', { retryAfterSeconds: 60 }));
  worker ??= startWorker();
  worker.ref();
  const id = nextId++;
  const answer = new Promise<Guessing>((resolve, reject) => waiting.set(id, { resolve, reject }));
  worker.postMessage({ id, password, inputs });
  return answer;
}
