// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Mattermost applies the user's theme (the `theme` preference, else the default, mattermost-redux
// selectors/entities/preferences getTheme) as CSS variables on :root, each colour also as
// --<name>-rgb (webapp/channels/src/utils/utils.tsx applyTheme); plugins style themselves with them.
// HOST_CSS is the host page's own small stylesheet for the Mattermost surfaces the plugin sits in
// (sidebar, posts, the file preview modal, menus, the System Console).

function rgb(hex: string): string {
    const h = hex.replace('#', '');
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)).join(', ');
}

export function themeVariablesCss(theme: Record<string, unknown>): string {
    const vars = Object.entries(theme).filter((e): e is [string, string] => typeof e[1] === 'string' && (/^#[0-9a-f]{6}$/i).test(e[1])).
        map(([name, value]) => {
            // applyTheme names errorTextColor --error-text; the others are the key in kebab case.
            const kebab = name === 'errorTextColor' ? 'error-text' : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
            return `  --${kebab}: ${value};\n  --${kebab}-rgb: ${rgb(value)};`;
        }).join('\n');
    return `:root {\n${vars}\n}\n`;
}

export function applyTheme(theme: Record<string, unknown>): void {
    let style = document.getElementById('host-theme');
    if (!style) {
        style = document.createElement('style');
        style.id = 'host-theme';
        document.head.appendChild(style);
    }
    style.textContent = themeVariablesCss(theme);
    document.body.dataset.theme = String(theme.type ?? '');
}

export function hostCss(): string {
    return HOST_CSS;
}

const HOST_CSS = `
* { box-sizing: border-box; }
html, body, #root { height: 100%; margin: 0; }
body { font-family: 'Open Sans', 'Liberation Sans', 'DejaVu Sans', sans-serif; font-size: 14px; color: var(--center-channel-color);
  background: var(--center-channel-bg); }
button { font-family: inherit; }
.mm-login { display: flex; align-items: center; justify-content: center; height: 100%; background: rgba(var(--center-channel-color-rgb), 0.04); }
.mm-login form { width: 360px; padding: 32px; border-radius: 8px; background: var(--center-channel-bg); box-shadow: 0 8px 24px rgba(0,0,0,0.12);
  display: flex; flex-direction: column; gap: 12px; }
.mm-login h1 { margin: 0 0 8px; font-size: 22px; }
.mm-input { height: 40px; padding: 0 12px; border-radius: 4px; border: 1px solid rgba(var(--center-channel-color-rgb), 0.16); font-size: 14px;
  background: var(--center-channel-bg); color: var(--center-channel-color); }
.mm-btn { height: 40px; padding: 0 16px; border: none; border-radius: 4px; background: var(--button-bg); color: var(--button-color);
  font-weight: 600; cursor: pointer; }
.mm-btn--tertiary { background: rgba(var(--button-bg-rgb), 0.08); color: var(--button-bg); }
.mm-error { color: var(--error-text); }
.mm-app { display: flex; height: 100%; }
.mm-sidebar { width: 240px; flex: none; display: flex; flex-direction: column; background: var(--sidebar-bg); color: var(--sidebar-text); }
.mm-sidebar__header { padding: 14px 16px; font-weight: 700; font-size: 16px; background: var(--sidebar-header-bg); }
.mm-sidebar__user { padding: 0 16px 10px; font-size: 12px; opacity: 0.72; background: var(--sidebar-header-bg); }
.mm-sidebar__section { padding: 16px 16px 6px; font-size: 12px; font-weight: 600; text-transform: uppercase; opacity: 0.64; }
.mm-sidebar a { display: block; padding: 6px 16px; color: var(--sidebar-text); text-decoration: none; opacity: 0.72; }
.mm-sidebar a.active { opacity: 1; font-weight: 600; background: rgba(255,255,255,0.16); border-left: 4px solid var(--sidebar-text-active-border); padding-left: 12px; }
.mm-center { flex: 1; min-width: 0; display: flex; flex-direction: column; }
.mm-channel-header { height: 62px; flex: none; display: flex; align-items: center; padding: 0 20px; font-size: 16px; font-weight: 600;
  border-bottom: 1px solid rgba(var(--center-channel-color-rgb), 0.12); }
.mm-posts { flex: 1; overflow: auto; padding: 12px 0; }
.mm-post { display: flex; gap: 12px; padding: 8px 20px; }
.mm-post:hover { background: rgba(var(--center-channel-color-rgb), 0.04); }
.mm-post--reply { padding-left: 72px; }
.mm-avatar { width: 36px; height: 36px; flex: none; border-radius: 50%; background: rgba(var(--button-bg-rgb), 0.16); color: var(--button-bg);
  display: flex; align-items: center; justify-content: center; font-weight: 700; }
.mm-post__body { flex: 1; min-width: 0; }
.mention-link, .markdown__link { color: var(--link-color); }
.post-message__text p { margin: 0; }
.post-message__text code { padding: 1px 4px; border-radius: 3px; background: rgba(var(--center-channel-color-rgb), 0.08); font-size: 90%; }
.mm-post__header { display: flex; gap: 8px; align-items: baseline; }
.mm-post__author { font-weight: 600; }
.mm-post__time { font-size: 12px; opacity: 0.56; }
.mm-post__message { margin: 2px 0 0; white-space: pre-wrap; word-break: break-word; }
.mm-post__reply-to { font-size: 12px; opacity: 0.64; }
.mm-files { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
.mm-file { position: relative; display: flex; align-items: center; gap: 10px; width: 280px; padding: 10px 12px; border-radius: 4px;
  border: 1px solid rgba(var(--center-channel-color-rgb), 0.16); background: var(--center-channel-bg); }
.mm-file__icon { width: 28px; height: 34px; flex: none; border-radius: 3px; background: rgba(var(--button-bg-rgb), 0.16); color: var(--button-bg);
  font-size: 9px; font-weight: 700; display: flex; align-items: flex-end; justify-content: center; padding-bottom: 4px; text-transform: uppercase; }
.mm-file__main { flex: 1; min-width: 0; background: none; border: none; padding: 0; text-align: left; cursor: pointer; color: inherit; }
.mm-file__name { display: block; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.mm-file__size { display: block; font-size: 12px; opacity: 0.64; }
.mm-dots { width: 28px; height: 28px; border: none; border-radius: 4px; background: transparent; cursor: pointer; color: inherit; font-size: 16px; }
.mm-dots:hover { background: rgba(var(--center-channel-color-rgb), 0.08); }
.mm-menu { position: absolute; z-index: 100; min-width: 220px; padding: 8px 0; border-radius: 4px; background: var(--center-channel-bg);
  box-shadow: 0 8px 24px rgba(0,0,0,0.12); border: 1px solid rgba(var(--center-channel-color-rgb), 0.16); }
.mm-menu--files { right: 0; top: 100%; }
.mm-menu--attach { left: 0; bottom: 44px; }
.mm-menu button { display: flex; align-items: center; gap: 8px; width: 100%; padding: 8px 16px; border: none; background: none; text-align: left;
  font-size: 14px; color: var(--center-channel-color); cursor: pointer; }
.mm-menu button:hover { background: rgba(var(--button-bg-rgb), 0.08); }
.mm-composer { position: relative; flex: none; margin: 0 20px 20px; display: flex; align-items: center; gap: 8px; padding: 8px;
  border-radius: 4px; border: 1px solid rgba(var(--center-channel-color-rgb), 0.16); }
.mm-composer input { flex: 1; border: none; outline: none; font-size: 14px; background: transparent; color: inherit; }
.mm-icon-btn { width: 32px; height: 32px; border: none; border-radius: 4px; background: transparent; color: rgba(var(--center-channel-color-rgb), 0.64); font-weight: 600;
  cursor: pointer; font-size: 18px; }
.mm-icon-btn:hover { background: rgba(var(--center-channel-color-rgb), 0.08); }
.mm-modal-backdrop { position: fixed; inset: 0; z-index: 1000; background: rgba(0, 0, 0, 0.64); display: flex; align-items: center; justify-content: center; }
.mm-preview { width: calc(100vw - 80px); height: calc(100vh - 80px); display: flex; flex-direction: column; border-radius: 8px; overflow: hidden;
  background: var(--center-channel-bg); }
.mm-preview__header { height: 56px; flex: none; display: flex; align-items: center; gap: 12px; padding: 0 16px;
  border-bottom: 1px solid rgba(var(--center-channel-color-rgb), 0.12); }
.mm-preview__title { flex: 1; min-width: 0; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.mm-preview__body { flex: 1; min-height: 0; display: flex; }
.mm-preview__default { margin: auto; display: flex; flex-direction: column; align-items: center; gap: 12px; }
.mm-console { flex: 1; overflow: auto; padding: 24px 40px; background: rgba(var(--center-channel-color-rgb), 0.04); }
.mm-console h1 { font-size: 22px; margin: 0 0 16px; }
.mm-console__panel { max-width: 960px; padding: 24px; border-radius: 4px; background: var(--center-channel-bg);
  border: 1px solid rgba(var(--center-channel-color-rgb), 0.08); }
.mm-setting { display: flex; gap: 24px; padding: 14px 0; border-bottom: 1px solid rgba(var(--center-channel-color-rgb), 0.08); }
.mm-setting__label { width: 260px; flex: none; font-weight: 600; }
.mm-setting__control { flex: 1; min-width: 0; }
.mm-setting__control .mm-input { width: 100%; }
.mm-setting__help { margin: 6px 0 0; font-size: 12px; opacity: 0.72; }
.mm-console__footer { display: flex; gap: 12px; align-items: center; padding-top: 16px; }
`;
