// Monaco as the exercise page uses it, imported only from that page's onMount: the editor core, Python,
// JavaScript and DNCL colouring (monaco-dncl.ts) (Monarch tokenizers, no language service: students get no TypeScript checker), and the
// editing features listed below. Everything else Monaco offers stays out of the bundle (see `npm run bench:bundle`).
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/iPadShowKeyboard/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/suggest/register';
// The suggestion list itself and snippet insertion: features/suggest/register brings only inline completions, and
// DNCL's snippets (monaco-dncl.ts) need the list (measured: without it, neither typing nor Ctrl+Space showed one).
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import editorWorkerUrl from 'monaco-editor/editor/editor.worker?worker&url';
import { startModuleWorker } from '$lib/runner/module-worker';
import { registerDncl } from './monaco-dncl';

// Monaco asks for a worker (word-based suggestions, diffs) through this global; Vite bundles the worker as a file of
// this origin, started through a blob so that the cross-origin isolated page accepts it (runner/module-worker.ts).
self.MonacoEnvironment = { getWorker: () => startModuleWorker(editorWorkerUrl, 'monaco-editor') };

registerDncl(monaco);

export { monaco };
