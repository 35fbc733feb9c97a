/** Every CLI command, in the order `dossier help` lists them. Later features add theirs here. */
import type { Command } from '../command';
import { check, demo, init, search } from './basics';
import { list, show } from './list';
import { backup, serve } from './serve';
import { importCommand } from './import';
import { exportCommand } from './export';

export const commands: Command[] = [init, demo, list, show, search, importCommand, exportCommand, check, backup, serve];
