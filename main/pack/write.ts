/** A finished pack is written like every file Dossier writes: atomically, and readable by its owner only. */
export { writeFileAtomic as writePackAtomically } from '../private-files';
