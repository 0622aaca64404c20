// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// `make deploy`: installs the bundle on a running Mattermost server and enables it, with the
// plugin starter template's conventions: the local-mode socket when MM_LOCALSOCKETPATH (or the
// default socket) exists, else MM_SERVICESETTINGS_SITEURL with MM_ADMIN_TOKEN, or
// MM_ADMIN_USERNAME and MM_ADMIN_PASSWORD.
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import {arch} from 'node:os';

const manifest = JSON.parse(readFileSync(new URL('../plugin.json', import.meta.url), 'utf8'));
const bundles = readdirSync('dist').filter((f) => f.startsWith(`${manifest.id}-${manifest.version}`) && f.endsWith('.tar.gz'));
const wanted = arch() === 'arm64' ? 'linux-arm64' : 'linux-amd64';
const bundle = bundles.find((f) => f.includes(wanted)) ?? bundles.find((f) => !f.includes('linux-'));
if (!bundle) {
    console.error('No bundle in dist/: run make dist first.');
    process.exit(1);
}

function request(target, method, path, headers, body) {
    return new Promise((resolve, reject) => {
        const opts = {method, path, headers};
        let lib = http;
        if (target.socketPath) {
            opts.socketPath = target.socketPath;
        } else {
            const url = new URL(path, target.siteUrl);
            Object.assign(opts, {hostname: url.hostname, port: url.port, path: url.pathname + url.search, protocol: url.protocol});
            lib = url.protocol === 'https:' ? https : http;
        }
        const req = lib.request(opts, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => resolve({status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8')}));
        });
        req.on('error', reject);
        req.end(body);
    });
}

async function target() {
    const socketPath = process.env.MM_LOCALSOCKETPATH || '/var/tmp/mattermost_local.socket';
    if (existsSync(socketPath)) {
        return {socketPath, auth: {}};
    }
    const siteUrl = process.env.MM_SERVICESETTINGS_SITEURL;
    if (!siteUrl) {
        throw new Error('Set MM_LOCALSOCKETPATH (local mode), or MM_SERVICESETTINGS_SITEURL with MM_ADMIN_TOKEN or MM_ADMIN_USERNAME/MM_ADMIN_PASSWORD.');
    }
    if (process.env.MM_ADMIN_TOKEN) {
        return {siteUrl, auth: {Authorization: `Bearer ${process.env.MM_ADMIN_TOKEN}`}};
    }
    const login = await request({siteUrl}, 'POST', '/api/v4/users/login', {'Content-Type': 'application/json'},
        JSON.stringify({login_id: process.env.MM_ADMIN_USERNAME, password: process.env.MM_ADMIN_PASSWORD}));
    if (login.status !== 200) {
        throw new Error(`Login failed (${login.status}): ${login.body}`);
    }
    return {siteUrl, auth: {Authorization: `Bearer ${login.headers.token}`}};
}

const t = await target();
const boundary = `----collabora${Date.now()}`;
const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="force"\r\n\r\ntrue\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="plugin"; filename="${bundle}"\r\nContent-Type: application/gzip\r\n\r\n`),
    readFileSync(`dist/${bundle}`),
    Buffer.from(`\r\n--${boundary}--\r\n`),
]);
const upload = await request(t, 'POST', '/api/v4/plugins', {...t.auth, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'X-Requested-With': 'XMLHttpRequest'}, body);
if (upload.status !== 201) {
    console.error(`Upload of ${bundle} failed (${upload.status}): ${upload.body}`);
    process.exit(1);
}
const enable = await request(t, 'POST', `/api/v4/plugins/${manifest.id}/enable`, {...t.auth, 'X-Requested-With': 'XMLHttpRequest'});
if (enable.status !== 200) {
    console.error(`Enabling failed (${enable.status}): ${enable.body}`);
    process.exit(1);
}
console.log(`Installed and enabled ${bundle}.`);
