// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyInstance, FastifyReply, FastifyRequest} from 'fastify';

import {BridgeHeaders, bridgeContext, encodeStoreBody} from '../http/bridge_headers';
import {MattermostError} from '../mattermost/plugin_api';
import type {Services} from '../services';
import {formatLastModifiedTime, parseOverride} from '../wopi_headers';

import {checkFileInfo} from './check_file_info';
import {getFile} from './get_file';
import {getLock, lock, refreshLock, unlock} from './lock';
import {putFile} from './put_file';
import {putRelativeFile} from './put_relative_file';
import {renameFile} from './rename_file';
import {sendWopiError, WopiError} from './wopi_error';
import {passWopiGate, type WopiRequestContext} from './wopi_gate';

type DocParams = {Params: {docId: string}};

// The WOPI routes Collabora calls: /wopi/files/{docId} (CheckFileInfo and the X-WOPI-Override
// operations) and /wopi/files/{docId}/contents (GetFile, PutFile). Errors are mapped to WOPI
// statuses here, in one place; internal causes go to the log, never to the response.
export function registerWopiRoutes(app: FastifyInstance, services: Services): void {
    const handle = (op: string, fn: (ctx: WopiRequestContext, request: FastifyRequest, reply: FastifyReply) => Promise<unknown>) =>
        async (request: FastifyRequest<DocParams>, reply: FastifyReply) => {
            try {
                keepRepeatedWopiHeaders(request);
                const ctx = await passWopiGate(services, request, request.params.docId);
                return await fn(ctx, request, reply);
            } catch (err) {
                return sendWopiError(reply, toWopiError(services, op, err));
            }
        };

    app.get('/wopi/files/:docId', handle('CheckFileInfo', async (ctx, _req, reply) => reply.type('application/json').send(JSON.stringify(await checkFileInfo(services, ctx)))));

    app.get('/wopi/files/:docId/contents', handle('GetFile', async (ctx, request, reply) => {
        const file = getFile(services, ctx, bridgeContext(request.headers, request.url).canSendFile);
        reply.type('application/octet-stream').header('X-WOPI-ItemVersion', file.version);
        if ('sendFileId' in file) {
            return reply.header(BridgeHeaders.sendFile, file.sendFileId).send();
        }
        return reply.header('content-length', String(file.size)).send(file.stream);
    }));

    app.post('/wopi/files/:docId/contents', handle('PutFile', async (ctx, request, reply) => {
        const override = request.headers['x-wopi-override'];
        if (override !== undefined && String(override).toUpperCase() !== 'PUT') {
            throw new WopiError(501, 'WOPI_UNSUPPORTED', 'Unsupported operation on /contents.');
        }
        const answer = await putFile(services, ctx, request);
        if ('storeBody' in answer) {
            return reply.header(BridgeHeaders.storeBody, encodeStoreBody(answer.storeBody)).send();
        }
        const {saved} = answer;
        return reply.header('X-WOPI-ItemVersion', String(saved.version)).type('application/json').send(JSON.stringify({LastModifiedTime: saved.lastModified}));
    }));

    app.post('/wopi/files/:docId', handle('FileOperation', async (ctx, request, reply) => {
        const parsed = parseOverride(request.headers['x-wopi-override']);
        if (!parsed.ok) {
            throw new WopiError(parsed.error.code === 'WOPI_OVERRIDE_UNKNOWN' ? 501 : 400, parsed.error.code, parsed.error.message);
        }
        const version = (): string => String(ctx.doc.version);
        switch (parsed.value) {
        case 'LOCK':
            await lock(services, ctx, request);
            return reply.header('X-WOPI-ItemVersion', version()).send();
        case 'UNLOCK':
            await unlock(services, ctx, request);
            return reply.header('X-WOPI-ItemVersion', version()).send();
        case 'REFRESH_LOCK':
            await refreshLock(services, ctx, request);
            return reply.send();
        case 'GET_LOCK':
            return reply.header('X-WOPI-Lock', await getLock(services, ctx)).send();
        case 'PUT_RELATIVE':
            return reply.type('application/json').send(JSON.stringify(await putRelativeFile(services, ctx, request)));
        case 'RENAME_FILE':
            return reply.type('application/json').send(JSON.stringify(await renameFile(services, ctx, request)));
        default:
            // DeleteFile and PutUserInfo map to nothing a user may do to a shared document here.
            throw new WopiError(501, 'WOPI_UNSUPPORTED', `${parsed.value} is not supported.`);
        }
    }));
}

// Node joins a header sent twice into one "a, b" value, which would pass for a lock id or a
// name. WOPI headers keep their repeated values, so that the header readers refuse them.
function keepRepeatedWopiHeaders(request: FastifyRequest): void {
    for (const [name, values] of Object.entries(request.raw.headersDistinct ?? {})) {
        if (values !== undefined && values.length > 1 && /^x-(wopi|cool-wopi|lool-wopi)-/.test(name)) {
            request.headers[name] = values;
        }
    }
}

function toWopiError(services: Services, op: string, err: unknown): WopiError {
    if (err instanceof WopiError) {
        if (err.status >= 500) {
            services.state.log.warn('WOPI request refused', {operation: op, code: err.code});
        } else {
            services.state.log.debug('WOPI request refused', {operation: op, code: err.code, status: err.status});
        }
        return err;
    }
    const message = err instanceof Error ? err.message : String(err);
    services.state.log.error('WOPI request failed', {operation: op, error: message});
    if (err instanceof MattermostError && err.statusCode === 413) {
        return new WopiError(413, 'WOPI_TOO_LARGE', 'The document is larger than Mattermost allows.');
    }
    return new WopiError(500, 'WOPI_INTERNAL', `The operation failed at ${formatLastModifiedTime(services.now())}; nothing was changed.`);
}
