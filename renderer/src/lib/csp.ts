/**
 * Keeps the renderer inside its CSP (script-src 'self', no eval). zod 4 compiles object parsers with `new Function`
 * unless told not to, and probes for it at the first parse: under the CSP that probe is a reported violation
 * (e2e/security.spec.ts fails on any). Jitless parsing is plenty fast for forms. Imported first by main.ts.
 */
import { z } from 'zod';

z.config({ jitless: true });
