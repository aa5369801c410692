/**
 * Entry point: the auto-clean detector content script (dist/detector.js, < 15 KB minified; the
 * build fails above that). Registered dynamically per enabled site by src/background/autoclean.ts.
 */
import { startDetector } from './detector.js';

startDetector(window);
