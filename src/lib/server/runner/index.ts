// Serves the Python runtime (Pyodide) that students' browsers run programs with, from the installed npm package.
export { installedPyodideVersion, pyodideAsset } from './pyodide-assets';
