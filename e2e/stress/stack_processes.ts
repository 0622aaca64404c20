// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Restarting parts of the running stack on purpose: only Mattermost (same environment, same
// working dir, same database and files), only PostgreSQL, or a second Mattermost server on
// another port against the same database and file directory. Everything started here is
// recorded where e2e/stack/stop.sh looks (pid files in the state dir, processes whose working
// dir is inside the run dir), so a failed test still leaves nothing running.

import {execFileSync, spawn} from 'node:child_process';
import {existsSync, mkdirSync, openSync, readFileSync, readlinkSync, readdirSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

import {MattermostClient, waitFor} from '../stack/mm_client';
import {isAlive} from '../stack/processes';
import {readStack} from '../stack/stack';

import {stackStateDir} from './stress_stack';

interface ProcessImage {
    exe: string;
    cwd: string;
    env: Record<string, string>;
}

function imageOf(pid: number): ProcessImage {
    const env: Record<string, string> = {};
    for (const pair of readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')) {
        const eq = pair.indexOf('=');
        if (eq > 0) {
            env[pair.slice(0, eq)] = pair.slice(eq + 1);
        }
    }
    return {exe: readlinkSync(`/proc/${pid}/exe`), cwd: readlinkSync(`/proc/${pid}/cwd`), env};
}

export function mattermostPid(file = 'mattermost.pid'): number {
    return Number(readFileSync(join(stackStateDir(), file), 'utf8').trim());
}

// Starts `mattermost server` in its own session (so its plugin processes form its group), with
// output appended to logs/<logName>, and records its pid.
function launch(image: ProcessImage, pidFile: string, logName: string): number {
    const out = openSync(join(readStack().log_dir, logName), 'a');
    const child = spawn(image.exe, ['server'], {cwd: image.cwd, env: image.env, detached: true, stdio: ['ignore', out, out]});
    child.unref();
    if (!child.pid) {
        throw new Error('Mattermost did not start');
    }
    writeFileSync(join(stackStateDir(), pidFile), `${child.pid}\n`);
    return child.pid;
}

// SIGTERM (Mattermost deactivates its plugins, which stop their sidecars), then whatever is
// left of its process group.
export async function stopMattermost(pid: number): Promise<void> {
    try {
        process.kill(pid, 'SIGTERM');
    } catch {
        return;
    }
    await waitFor(`Mattermost ${pid} to exit`, async () => (isAlive(pid) ? undefined : true), 40_000, 200).catch(() => {
        process.kill(pid, 'SIGKILL');
    });
    try {
        process.kill(-pid, 'SIGKILL');
    } catch {
        // The group is already gone.
    }
}

export async function waitForPluginHealth(baseUrl: string, timeoutMs: number): Promise<void> {
    const client = new MattermostClient(baseUrl);
    await waitFor(`the plugin at ${baseUrl} to answer`, async () => {
        const res = await client.fetch('GET', `/plugins/${readStack().plugin?.id ?? ''}/api/v1/health`);
        await res.arrayBuffer();
        return res.status === 200 ? true : undefined;
    }, timeoutMs, 500);
}

// Restarts only Mattermost: same binary, environment and working dir; PostgreSQL and the files
// stay as they are. Resolves once the plugin answers again.
export async function restartMattermost(): Promise<{downMs: number}> {
    const pid = mattermostPid();
    const image = imageOf(pid);
    const stopped = Date.now();
    await stopMattermost(pid);
    launch(image, 'mattermost.pid', 'mattermost.out');
    await waitForPluginHealth(readStack().url, 180_000);
    return {downMs: Date.now() - stopped};
}

export interface SecondNode {
    url: string;
    pid: number;
    pluginDir: string;
    logDir: string;
    stop: () => Promise<void>;
}

// A second Mattermost server on `port`, sharing node 1's database, file directory and Site URL
// (as behind a load balancer), with its own plugin directory (so its own shim and sidecar),
// local-mode socket and logs.
export async function startSecondNode(port: number): Promise<SecondNode> {
    const stack = readStack();
    const image = imageOf(mattermostPid());
    const dir = join(stack.run_dir, 'mm2');
    const logDir = join(stack.log_dir, 'node2');
    for (const d of [dir, join(dir, 'plugins'), join(dir, 'client_plugins'), logDir]) {
        mkdirSync(d, {recursive: true});
    }
    for (const name of ['i18n', 'templates', 'fonts']) {
        if (!existsSync(join(dir, name))) {
            symlinkSync(readlinkSync(join(image.cwd, name)), join(dir, name));
        }
    }
    const env = {
        ...image.env,
        MM_SERVICESETTINGS_LISTENADDRESS: `127.0.0.1:${port}`,
        MM_SERVICESETTINGS_LOCALMODESOCKETLOCATION: join(stack.run_dir, 'mm2_local.socket'),
        MM_PLUGINSETTINGS_DIRECTORY: join(dir, 'plugins'),
        MM_PLUGINSETTINGS_CLIENTDIRECTORY: join(dir, 'client_plugins'),
        MM_LOGSETTINGS_FILELOCATION: logDir,
        // Both servers draw on one PostgreSQL (100 connections, 3 kept for superusers), as a
        // cluster's nodes do: node 2 gets a pool that leaves node 1 room. With Mattermost's
        // default (300), a burst on both nodes ran out ("remaining connection slots are
        // reserved") and a Lock answered 500.
        MM_SQLSETTINGS_MAXOPENCONNS: '40',
        MM_SQLSETTINGS_MAXIDLECONNS: '10',
    };
    const pid = launch({exe: image.exe, cwd: dir, env}, 'mattermost2.pid', 'node2.out');
    const url = `http://127.0.0.1:${port}`;
    await waitForPluginHealth(url, 180_000);
    const stop = async (): Promise<void> => {
        await stopMattermost(pid);
        rmSync(join(stackStateDir(), 'mattermost2.pid'), {force: true});
    };
    return {url, pid, pluginDir: join(dir, 'plugins', stack.plugin?.id ?? ''), logDir, stop};
}

// --- PostgreSQL ---------------------------------------------------------------------------------

function pgBin(): string {
    const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
    return join('/usr/lib/postgresql', versions[versions.length - 1], 'bin');
}

function asPostgres(cmd: string, args: string[]): void {
    if (process.getuid?.() === 0) {
        execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], {stdio: 'pipe'});
    } else {
        execFileSync(cmd, args, {stdio: 'pipe'});
    }
}

const pgData = (): string => join(readStack().run_dir, 'pg', 'data');

// The options the server was started with, from postmaster.opts (what `pg_ctl restart` uses).
function pgOptions(): string {
    const opts = readFileSync(join(pgData(), 'postmaster.opts'), 'utf8').trim();
    const args = [...opts.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
    const rest: string[] = [];
    for (let i = 0; i < args.length; i++) {
        if (args[i] === '-D') {
            i++;
            continue;
        }
        rest.push(args[i].includes(' ') ? `'${args[i]}'` : args[i]);
    }
    return rest.join(' ');
}

let savedPgOptions = '';

export function stopPostgres(): void {
    savedPgOptions = pgOptions();
    asPostgres(join(pgBin(), 'pg_ctl'), ['stop', '-D', pgData(), '-m', 'fast', '-w', '-t', '30']);
}

export function startPostgres(): void {
    const log = join(readStack().log_dir, 'postgres', 'postgres.log');
    asPostgres(join(pgBin(), 'pg_ctl'), ['start', '-w', '-t', '60', '-D', pgData(), '-l', log, '-o', savedPgOptions || pgOptions()]);
    const pid = readFileSync(join(pgData(), 'postmaster.pid'), 'utf8').split('\n')[0];
    writeFileSync(join(stackStateDir(), 'postgres.pid'), `${pid}\n`);
}
