// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// System Console > Plugins > <plugin>: the settings page Mattermost builds from the manifest's
// settings_schema (admin_console/schema_admin_settings.tsx). Text, number, bool and dropdown
// settings are edited in place and saved with PUT /api/v4/config; a "custom" setting renders the
// component the plugin registered with registerAdminConsoleCustomSetting, with the props
// buildCustomSetting gives it: id 'PluginSettings.Plugins.<id>.<key>', disabled when the plugin is
// not enabled or the user may not write the plugins section (sysconsole_write_plugins: a system
// admin here), all inside the page's <form onSubmit>.

import {Client4} from 'mattermost-redux/client';
import React, {useEffect, useState} from 'react';
import {useSelector} from 'react-redux';

import {useRegistrations} from './app';

type AnyState = any;
type Setting = {key: string; display_name?: string; type: string; help_text?: string; default?: unknown; options?: Array<{display_name: string; value: string}>};
type Manifest = {id: string; name: string; settings_schema?: {header?: string; settings?: Setting[]}};
type Config = {PluginSettings: {Plugins: Record<string, Record<string, unknown>>}};

export function AdminConsole({pluginId}: {pluginId: string}) {
    const {adminConsoleSettings} = useRegistrations();
    const [manifest, setManifest] = useState<Manifest | null>(null);
    const [config, setConfig] = useState<Config | null>(null);
    const [values, setValues] = useState<Record<string, unknown>>({});
    const [dirty, setDirty] = useState(false);
    const [status, setStatus] = useState('');
    const [enabled, setEnabled] = useState(false);
    const canWrite = useSelector((state: AnyState) => String(state.entities.users.profiles[state.entities.users.currentUserId]?.roles ?? '').split(' ').includes('system_admin'));

    useEffect(() => {
        Promise.all([Client4.getPlugins(), Client4.getConfig()]).then(([plugins, cfg]) => {
            const all = [...plugins.active, ...plugins.inactive] as unknown as Manifest[];
            setManifest(all.find((m) => m.id === pluginId) ?? null);
            setEnabled(plugins.active.some((m) => m.id === pluginId));
            setConfig(cfg as unknown as Config);
            setValues({...(cfg as unknown as Config).PluginSettings.Plugins[pluginId]});
        }, (err: unknown) => setStatus(`Could not load: ${String(err)}`));
    }, [pluginId]);

    if (!manifest || !config) {
        return <main className='mm-console'><p>{status || 'Loading…'}</p></main>;
    }
    const onChange = (id: string, value: unknown) => {
        setValues((current) => ({...current, [id.toLowerCase()]: value}));
        setDirty(true);
    };
    const save = async (event?: React.FormEvent) => {
        event?.preventDefault();
        setStatus('Saving…');
        try {
            const fresh = await Client4.getConfig() as unknown as Config;
            fresh.PluginSettings.Plugins[pluginId] = {...fresh.PluginSettings.Plugins[pluginId], ...values};
            setConfig(await Client4.updateConfig(fresh as never) as unknown as Config);
            setDirty(false);
            setStatus('Settings saved');
        } catch (err) {
            setStatus(`Save failed: ${err instanceof Error ? err.message : String(err)}`);
        }
    };

    return (
        <main className='mm-console' data-testid='host-admin-console' data-plugin-enabled={String(enabled)}>
            <h1>{manifest.name}</h1>
            <form className='mm-console__panel' onSubmit={save}>
                {manifest.settings_schema?.header && <p className='mm-setting__help' style={{marginTop: 0}}>{manifest.settings_schema.header}</p>}
                {(manifest.settings_schema?.settings ?? []).map((setting) => {
                    const key = setting.key.toLowerCase();
                    const value = values[key] ?? setting.default;
                    let control: React.ReactNode;
                    if (setting.type === 'custom') {
                        const custom = adminConsoleSettings.find((c) => c.pluginId === pluginId && c.key === key);
                        control = custom ? (
                            <custom.component
                                id={`PluginSettings.Plugins.${pluginId}.${key}`}
                                label={setting.display_name}
                                helpText={setting.help_text}
                                value={value}
                                disabled={!enabled || !canWrite}
                                config={config}
                                license={{}}
                                setByEnv={false}
                                onChange={onChange}
                                registerSaveAction={() => undefined}
                                unRegisterSaveAction={() => undefined}
                                setSaveNeeded={() => setDirty(true)}
                                cancelSubmit={() => undefined}
                                showConfirm={false}
                            />
                        ) : <span className='mm-error'>{'No component registered for this custom setting.'}</span>;
                    } else if (setting.type === 'bool') {
                        control = (
                            <span style={{display: 'flex', gap: 16}}>
                                <label><input type='radio' checked={value === true || value === 'true'} onChange={() => onChange(key, true)}/>{' True'}</label>
                                <label><input type='radio' checked={!(value === true || value === 'true')} onChange={() => onChange(key, false)}/>{' False'}</label>
                            </span>
                        );
                    } else if (setting.type === 'dropdown') {
                        control = (
                            <select className='mm-input' value={String(value ?? '')} onChange={(e) => onChange(key, e.target.value)} data-testid={`host-setting-${setting.key}`}>
                                {(setting.options ?? []).map((o) => <option key={o.value} value={o.value}>{o.display_name}</option>)}
                            </select>
                        );
                    } else {
                        control = (
                            <input
                                className='mm-input'
                                type={setting.type === 'number' ? 'number' : 'text'}
                                value={String(value ?? '')}
                                onChange={(e) => onChange(key, setting.type === 'number' ? Number(e.target.value) : e.target.value)}
                                data-testid={`host-setting-${setting.key}`}
                            />
                        );
                    }
                    const showTitle = setting.type !== 'custom' || adminConsoleSettings.find((c) => c.key === key)?.options.showTitle === true;
                    return (
                        <div key={setting.key} className='mm-setting'>
                            <div className='mm-setting__label'>{showTitle ? setting.display_name : ''}</div>
                            <div className='mm-setting__control'>
                                {control}
                                {setting.help_text && <p className='mm-setting__help'>{setting.help_text}</p>}
                            </div>
                        </div>
                    );
                })}
                <div className='mm-console__footer'>
                    <button type='submit' className='mm-btn' disabled={!dirty} data-testid='host-console-save'>{'Save'}</button>
                    <span role='status' data-testid='host-console-status'>{status}</span>
                </div>
            </form>
        </main>
    );
}
