// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Our catalogues, merged by Mattermost into its react-intl messages (registry.registerTranslations).
import de from '../i18n/de.json';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';

export const catalogues: Record<string, Record<string, string>> = {en, fr, de};

export function getTranslations(locale: string): Record<string, string> {
    const language = (locale || 'en').split(/[-_]/)[0].toLowerCase();
    return catalogues[language] ?? en;
}
