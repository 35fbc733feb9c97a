/** Every CLI command, in the order `dossier help` lists them. Later features add theirs here. */
import type { Command } from '../command';
import { check, demo, init, search } from './basics';
import { list, show } from './list';
import { serve } from './serve';
import { backup, restore } from './restore';
import { importCommand } from './import';
import { exportCommand } from './export';
import { pack } from './pack';
import { addendum, issue, preflight } from './release';
import { sync, team } from './team';
import { callCommand, opsCommand } from './call';

export const commands: Command[] = [init, demo, list, show, search, importCommand, exportCommand, pack, preflight, issue, addendum, check, backup, restore, team, sync, serve, opsCommand, callCommand];
