// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// The host page's React tree: login, then a team with its channels (sidebar), the channel's posts
// with their attachments, the composer, the file preview modal and the System Console's plugin
// page, each carrying the plugin surfaces Mattermost renders in the same place.

import {getClientConfig, getLicenseConfig} from 'mattermost-redux/actions/general';
import {getTheme} from 'mattermost-redux/selectors/entities/preferences';
import {getMyTeams, selectTeam} from 'mattermost-redux/actions/teams';
import {fetchChannelsAndMembers} from 'mattermost-redux/actions/channels';
import {loadMe} from 'mattermost-redux/actions/users';
import {Client4} from 'mattermost-redux/client';
import React, {useCallback, useEffect, useMemo, useState, useSyncExternalStore} from 'react';
import {IntlProvider} from 'react-intl';
import {useSelector} from 'react-redux';
import type {Store} from 'redux';

import {AdminConsole} from './admin_console';
import {ChannelView} from './channel_view';
import {getRegistrations, loadPlugins, subscribeRegistrations} from './plugin_registry';
import {applyTheme} from './theme';
import {connectWebSocket} from './websocket';

type AnyState = any;

export function useRegistrations() {
    return useSyncExternalStore(subscribeRegistrations, getRegistrations);
}

function useHash(): string {
    const [hash, setHash] = useState(window.location.hash);
    useEffect(() => {
        const onChange = () => setHash(window.location.hash);
        window.addEventListener('hashchange', onChange);
        return () => window.removeEventListener('hashchange', onChange);
    }, []);
    return hash;
}

function Login({onLoggedIn}: {onLoggedIn: () => void}) {
    const [loginId, setLoginId] = useState('');
    const [password, setPassword] = useState('');
    const [error, setError] = useState('');
    const submit = async (event: React.FormEvent) => {
        event.preventDefault();
        setError('');
        try {
            await Client4.login(loginId, password);
            onLoggedIn();
        } catch (err) {
            setError(err instanceof Error ? err.message : String(err));
        }
    };
    return (
        <div className='mm-login'>
            <form onSubmit={submit} data-testid='host-login'>
                <h1>{'Log in to Mattermost'}</h1>
                <input className='mm-input' placeholder='Username' value={loginId} onChange={(e) => setLoginId(e.target.value)} data-testid='host-login-username'/>
                <input className='mm-input' type='password' placeholder='Password' value={password} onChange={(e) => setPassword(e.target.value)} data-testid='host-login-password'/>
                <button className='mm-btn' type='submit' data-testid='host-login-submit'>{'Log in'}</button>
                {error && <p className='mm-error' role='alert'>{error}</p>}
            </form>
        </div>
    );
}

// The user's locale as webapp/channels/src/selectors/i18n.ts getCurrentLocale reads it: the user's
// own, else the server's default client locale.
function useLocale(): string {
    return useSelector((state: AnyState) => {
        const me = state.entities.users.profiles[state.entities.users.currentUserId];
        return me?.locale || state.entities.general.config.DefaultClientLocale || 'en';
    });
}

export function App({store}: {store: Store}) {
    const [phase, setPhase] = useState<'starting' | 'login' | 'loading' | 'ready' | 'error'>('starting');
    const [error, setError] = useState('');
    const registrations = useRegistrations();
    const hash = useHash();
    const dispatch = store.dispatch as (action: unknown) => Promise<{data?: any; error?: any}>;
    const [reconnects, setReconnects] = useState(0);
    const locale = useLocale();
    const theme = useSelector(getTheme);
    useEffect(() => applyTheme(theme as unknown as Record<string, unknown>), [theme]);

    // After a login or with an existing session: what actions/views/root.ts and
    // global_actions.tsx load for a user; the plugins are already running by then.
    const signIn = useCallback(async () => {
        setPhase('loading');
        try {
            const me = await dispatch(loadMe());
            if (me.error) {
                throw new Error(`loadMe: ${String(me.error.message ?? me.error)}`);
            }
            const teams = await dispatch(getMyTeams());
            const team = teams.data?.[0];
            if (!team) {
                throw new Error('the user is on no team');
            }
            dispatch(selectTeam(team));
            await dispatch(fetchChannelsAndMembers(team.id));

            // actions/websocket_actions.jsx: the first connection calls no reconnect handlers.
            connectWebSocket(store, () => setReconnects((n) => n + 1));
            setPhase('ready');
        } catch (err) {
            setError(err instanceof Error ? err.message : String(err));
            setPhase('error');
        }
    }, [dispatch, store]);

    useEffect(() => {
        (async () => {
            // root.tsx onConfigLoaded: the client config, then initializePlugins() whether or not
            // anyone is logged in (GET /api/v4/plugins/webapp and the bundles need no session), so
            // plugins initialize on the login page.
            await dispatch(getClientConfig());
            await dispatch(getLicenseConfig());
            const manifests = await Client4.getWebappPlugins();
            const loaded = await loadPlugins(manifests, window.location.origin, store);
            document.body.dataset.plugins = loaded.join(',');
            document.body.dataset.pluginsLoadedWithUser = String(Boolean((store.getState() as AnyState).entities.users.currentUserId));

            // A session cookie from an earlier login in this browser context counts, as in Mattermost.
            await Client4.getMe().then(() => signIn(), () => setPhase('login'));
        })().catch((err: unknown) => {
            setError(err instanceof Error ? err.message : String(err));
            setPhase('error');
        });
    }, [dispatch, signIn, store]);

    // plugins/registry.ts registerTranslations: called with the current locale, and again when it changes.
    const messages = useMemo(() => Object.assign({}, ...registrations.translations.map((get) => get(locale))), [registrations.translations, locale]);

    let content: React.ReactNode;
    if (phase === 'starting' || phase === 'loading') {
        content = <p style={{padding: 24}}>{'Loading…'}</p>;
    } else if (phase === 'login') {
        // components/login/login.tsx finishSignin: in-page (history.push), no reload.
        content = <Login onLoggedIn={signIn}/>;
    } else if (phase === 'error') {
        content = <p className='mm-error' style={{padding: 24}} role='alert' data-testid='host-error'>{`The host page could not start: ${error}`}</p>;
    } else {
        content = <Layout hash={hash} reconnects={reconnects}/>;
    }
    return (
        <IntlProvider locale={locale} messages={messages} defaultLocale='en'>
            <div id='app-content' style={{height: '100%'}} data-testid={`host-phase-${phase}`} data-locale={locale}>{content}</div>
            {phase === 'ready' && registrations.rootComponents.map(({id, component: Component}) => (
                <Component key={id} theme={theme}/>
            ))}
        </IntlProvider>
    );
}

function Layout({hash, reconnects}: {hash: string; reconnects: number}) {
    const team = useSelector((state: AnyState) => state.entities.teams.teams[state.entities.teams.currentTeamId]);
    const me = useSelector((state: AnyState) => state.entities.users.profiles[state.entities.users.currentUserId]);
    const channels = useSelector((state: AnyState) => state.entities.channels.channels);
    const myMembers = useSelector((state: AnyState) => state.entities.channels.myMembers);
    const isAdmin = String(me?.roles ?? '').split(' ').includes('system_admin');
    const mine = Object.values(channels as Record<string, {id: string; name: string; display_name: string; team_id: string; type: string}>).
        filter((c) => myMembers[c.id] && c.team_id === team?.id && (c.type === 'O' || c.type === 'P')).
        sort((a, b) => a.display_name.localeCompare(b.display_name));

    const route = hash.replace(/^#\/?/, '');
    const adminMatch = (/^admin_console\/plugins\/plugin_(.+)$/).exec(route);
    const channelMatch = (/^[^/]+\/channels\/([^/]+)$/).exec(route);
    const current = channelMatch ? mine.find((c) => c.name === channelMatch[1]) : mine[0];

    return (
        <div className='mm-app'>
            <nav className='mm-sidebar' id='SidebarContainer'>
                <div className='mm-sidebar__header'>{team?.display_name}</div>
                <div className='mm-sidebar__user' data-testid='host-current-user'>{`@${me?.username ?? ''}`}</div>
                <div className='mm-sidebar__section'>{'Channels'}</div>
                {mine.map((c) => (
                    <a key={c.id} href={`#/${team?.name}/channels/${c.name}`} className={!adminMatch && current?.id === c.id ? 'active' : ''} data-testid={`host-channel-link-${c.name}`}>
                        {c.type === 'P' ? `🔒 ${c.display_name}` : `# ${c.display_name}`}
                    </a>
                ))}
                {isAdmin && (
                    <>
                        <div className='mm-sidebar__section'>{'Administration'}</div>
                        <a href='#/admin_console/plugins/plugin_com.collaboraonline.mattermost' className={adminMatch ? 'active' : ''}>{'System Console'}</a>
                    </>
                )}
            </nav>
            {adminMatch ? <AdminConsole pluginId={adminMatch[1]}/> : current && <ChannelView key={current.id} channelId={current.id} reconnects={reconnects}/>}
        </div>
    );
}
