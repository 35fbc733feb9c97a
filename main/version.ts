/** The app version, from package.json (bundled at build time, read directly under tsx). */
import pkg from '../package.json' with { type: 'json' };
export const APP_VERSION: string = pkg.version;
