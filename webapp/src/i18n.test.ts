// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
import fs from 'fs';
import path from 'path';

import {IntlMessageFormat} from 'intl-messageformat';

import de from '../i18n/de.json';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';

import {getTranslations} from './i18n';

const catalogues: Record<string, Record<string, string>> = {en, fr, de};

function sourceFiles(dir: string): string[] {
    return fs.readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            return sourceFiles(full);
        }
        return (/\.tsx?$/).test(entry.name) && !entry.name.includes('.test.') ? [full] : [];
    });
}

// Every {id, defaultMessage} pair written in the source, as objects or JSX attributes.
function messagesInSource(): Map<string, string> {
    const found = new Map<string, string>();
    const pair = /id(?::\s*|=)'([^']+)'[,\s]+defaultMessage(?::\s*|=)'([^']*)'/g;
    for (const file of sourceFiles(path.join(__dirname))) {
        const text = fs.readFileSync(file, 'utf8');
        for (const match of text.matchAll(pair)) {
            found.set(match[1], match[2]);
        }
    }
    return found;
}

function argumentNames(message: string): string[] {
    return Array.from(new Set(Array.from(message.matchAll(/\{\s*(\w+)\s*[,}]/g), (m) => m[1]))).sort();
}

describe('translations', () => {
    it('has exactly the same keys in English, French and German', () => {
        const keys = Object.keys(en).sort();
        expect(Object.keys(fr).sort()).toEqual(keys);
        expect(Object.keys(de).sort()).toEqual(keys);
    });

    it('matches the source: every message used is catalogued with its English text, and none is unused', () => {
        const source = messagesInSource();
        expect(source.size).toBeGreaterThan(50);
        for (const [id, defaultMessage] of source) {
            expect([id, (en as Record<string, string>)[id]]).toEqual([id, defaultMessage]);
        }
        expect(Object.keys(en).filter((id) => !source.has(id))).toEqual([]);
    });

    it.each(['en', 'fr', 'de'])('%s: every message is non-empty, valid ICU and keeps the English placeholders', (locale) => {
        const catalogue = catalogues[locale];
        for (const [id, message] of Object.entries(catalogue)) {
            expect([id, message.trim().length > 0]).toEqual([id, true]);
            expect([id, argumentNames(message)]).toEqual([id, argumentNames((en as Record<string, string>)[id])]);
            const values = Object.fromEntries(argumentNames(message).map((name) => [name, name === 'count' || name === 'others' ? 2 : 'x']));
            expect(() => new IntlMessageFormat(message, locale).format(values)).not.toThrow();
        }
    });

    it('serves the catalogue for a locale, by language, falling back to English', () => {
        expect(getTranslations('fr')).toBe(fr);
        expect(getTranslations('de-AT')).toBe(de);
        expect(getTranslations('pt_BR')).toBe(en);
        expect(getTranslations('')).toBe(en);
    });
});
