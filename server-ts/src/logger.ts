// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// The sidecar logs one JSON object per line on stdout; the shim turns each line into a
// Mattermost log entry at the right level. Secrets never reach a log line: access tokens are
// masked wherever they may hide (URLs, free text).

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

const TOKEN_PATTERN = /(access_token(?:_ttl)?=)[^&\s"']*/gi;
const BEARER_PATTERN = /(bearer\s+)[A-Za-z0-9._~+/=-]+/gi;

export function redact(text: string): string {
    return text.replace(TOKEN_PATTERN, '$1[redacted]').replace(BEARER_PATTERN, '$1[redacted]');
}

export interface Logger {
    debug(msg: string, fields?: LogFields): void;
    info(msg: string, fields?: LogFields): void;
    warn(msg: string, fields?: LogFields): void;
    error(msg: string, fields?: LogFields): void;
}

export function createLogger(write: (line: string) => void = (line) => process.stdout.write(line + '\n')): Logger {
    const log = (level: LogLevel, msg: string, fields: LogFields = {}): void => {
        const entry: Record<string, string | number | boolean | null> = {level, msg: redact(msg)};
        for (const [key, value] of Object.entries(fields)) {
            if (value !== undefined) {
                entry[key] = typeof value === 'string' ? redact(value) : value;
            }
        }
        write(JSON.stringify(entry));
    };
    return {
        debug: (msg, fields) => log('debug', msg, fields),
        info: (msg, fields) => log('info', msg, fields),
        warn: (msg, fields) => log('warn', msg, fields),
        error: (msg, fields) => log('error', msg, fields),
    };
}
