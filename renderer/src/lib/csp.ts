/**
 * Keeps the renderer inside its CSP (script-src 'self', no eval). zod 4 compiles object parsers with `new Function`
 * unless told not to, and probes for it at the first parse: under the CSP that probe is a reported violation
 * (e2e/security.spec.ts fails on any). Jitless parsing is plenty fast for forms.
 * Every `from 'zod'` in the renderer's build (the contract's schemas included) resolves to this module
 * (vite.config.ts), so the switch is set before any schema is made, whichever chunk the bundler puts them in.
 */
import { config, z } from 'zod/v4';

config({ jitless: true });

export * from 'zod/v4';
export { z, z as default };
