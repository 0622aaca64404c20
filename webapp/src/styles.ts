// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// One small stylesheet, injected once. Colours come only from Mattermost's theme variables, so every
// theme (light, dark, custom) applies without a second palette here.
import {THREAD_CSS} from './components/thread_panel/thread_styles';

const CSS = `
.co-root { color: var(--center-channel-color); font-family: inherit; }
.co-btn { display: inline-flex; align-items: center; gap: 6px; height: 32px; padding: 0 14px; border-radius: 4px;
  border: 1px solid rgba(var(--center-channel-color-rgb), 0.16); background: transparent; color: var(--center-channel-color);
  font-size: 12px; font-weight: 600; cursor: pointer; white-space: nowrap; }
.co-btn:hover { background: rgba(var(--center-channel-color-rgb), 0.08); }
.co-btn:focus-visible, .co-icon-btn:focus-visible, .co-input:focus, .co-select:focus { outline: 2px solid var(--button-bg); outline-offset: 1px; }
.co-btn:disabled { opacity: 0.5; cursor: default; }
.co-btn--primary { background: var(--button-bg); color: var(--button-color); border-color: var(--button-bg); }
.co-btn--primary:hover { background: var(--button-bg); opacity: 0.9; }
.co-btn--danger { background: var(--error-text); color: #fff; border-color: var(--error-text); }
.co-icon-btn { display: inline-flex; align-items: center; justify-content: center; width: 32px; height: 32px; border: none;
  border-radius: 4px; background: transparent; color: rgba(var(--center-channel-color-rgb), 0.64); cursor: pointer; font-size: 20px; }
.co-icon-btn:hover { background: rgba(var(--center-channel-color-rgb), 0.08); color: var(--center-channel-color); }
.co-muted { color: rgba(var(--center-channel-color-rgb), 0.64); font-size: 12px; margin: 0; }
.co-error { color: var(--error-text); margin: 0; }
.co-input, .co-select { height: 36px; padding: 0 10px; border-radius: 4px; border: 1px solid rgba(var(--center-channel-color-rgb), 0.16);
  background: var(--center-channel-bg); color: var(--center-channel-color); font-size: 14px; }
.co-input { width: 100%; box-sizing: border-box; }
.co-spinner { width: 24px; height: 24px; border-radius: 50%; border: 3px solid rgba(var(--center-channel-color-rgb), 0.16);
  border-top-color: var(--button-bg); animation: co-spin 0.8s linear infinite; }
@keyframes co-spin { to { transform: rotate(360deg); } }
.co-frame { position: relative; flex: 1; display: flex; min-height: 0; background: var(--center-channel-bg); }
.co-frame__iframe { flex: 1; width: 100%; height: 100%; border: 0; }
.co-frame__iframe--hidden { visibility: hidden; }
.co-frame__overlay { position: absolute; inset: 0; display: flex; flex-direction: column; align-items: center; justify-content: center;
  gap: 12px; padding: 24px; text-align: center; background: var(--center-channel-bg); color: var(--center-channel-color); }
.co-frame__error { font-size: 14px; max-width: 520px; margin: 0; }
.co-preview { display: flex; flex-direction: column; width: 100%; height: 100%; min-height: 60vh; }
.co-toolbar { display: flex; align-items: center; gap: 12px; padding: 8px 12px; min-height: 48px; box-sizing: border-box;
  border-bottom: 1px solid rgba(var(--center-channel-color-rgb), 0.12); background: var(--center-channel-bg); }
.co-toolbar__spacer { flex: 1; }
.co-toolbar__title { font-size: 16px; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.co-editor { position: fixed; inset: 0; z-index: 1100; display: flex; flex-direction: column; background: var(--center-channel-bg); }
.co-editor__body { position: relative; flex: 1; display: flex; min-height: 0; }
.co-backdrop { position: fixed; inset: 0; z-index: 1150; display: flex; align-items: center; justify-content: center;
  background: rgba(0, 0, 0, 0.5); }
.co-dialog { width: min(480px, calc(100vw - 32px)); max-height: calc(100vh - 64px); overflow: auto; border-radius: 8px;
  background: var(--center-channel-bg); color: var(--center-channel-color); box-shadow: 0 20px 32px rgba(0, 0, 0, 0.12);
  border: 1px solid rgba(var(--center-channel-color-rgb), 0.16); }
.co-dialog__header { display: flex; align-items: center; padding: 20px 24px 8px; }
.co-dialog__title { flex: 1; margin: 0; font-size: 20px; font-weight: 600; }
.co-dialog__body { padding: 8px 24px; display: flex; flex-direction: column; gap: 12px; }
.co-dialog__footer { display: flex; justify-content: flex-end; gap: 8px; padding: 16px 24px 20px; }
.co-field { display: flex; flex-direction: column; gap: 6px; font-size: 14px; }
.co-kinds { display: flex; gap: 8px; border: 0; margin: 0; padding: 0; }
.co-kind { flex: 1; display: flex; flex-direction: column; align-items: center; gap: 4px; padding: 12px 8px; border-radius: 4px; cursor: pointer;
  border: 1px solid rgba(var(--center-channel-color-rgb), 0.16); font-size: 13px; }
.co-kind--selected { border-color: var(--button-bg); background: rgba(var(--button-bg-rgb), 0.08); }
.co-kind input { position: absolute; opacity: 0; pointer-events: none; }
.co-presence { display: flex; align-items: center; gap: 8px; margin-top: 6px; padding: 6px 10px; border-radius: 4px; font-size: 13px;
  background: rgba(var(--online-indicator-rgb, 6, 214, 160), 0.12); color: var(--center-channel-color); width: fit-content; }
.co-presence__dot { width: 8px; height: 8px; border-radius: 50%; background: var(--online-indicator); }
.co-panel { position: absolute; top: 0; right: 0; bottom: 0; width: min(360px, 100%); z-index: 2; overflow: auto;
  background: var(--center-channel-bg); border-left: 1px solid rgba(var(--center-channel-color-rgb), 0.16);
  box-shadow: -8px 0 24px rgba(0, 0, 0, 0.12); }
.co-list { list-style: none; margin: 0; padding: 0; }
.co-list__item { display: flex; align-items: flex-start; gap: 10px; padding: 12px 16px; border-bottom: 1px solid rgba(var(--center-channel-color-rgb), 0.08); }
.co-list__main { flex: 1; min-width: 0; display: flex; flex-direction: column; gap: 2px; }
.co-check { font-weight: 700; }
.co-check--ok { color: var(--online-indicator); }
.co-check--fail { color: var(--error-text); }
.co-fix { margin: 4px 0 0; padding: 6px 8px; border-radius: 4px; font-size: 12px; white-space: pre-wrap;
  background: rgba(var(--center-channel-color-rgb), 0.06); }
.co-banner { display: flex; align-items: center; gap: 8px; padding: 6px 12px; font-size: 13px;
  background: rgba(var(--button-bg-rgb), 0.08); border-bottom: 1px solid rgba(var(--center-channel-color-rgb), 0.08); }
.co-banner--warning { background: rgba(var(--away-indicator-rgb, 255, 188, 66), 0.16); }
.co-banner > span { flex: 1; }
`;

export const STYLE_ELEMENT_ID = 'collabora-online-plugin-styles';

export function injectStyles(doc: Document = document): HTMLStyleElement {
    const existing = doc.getElementById(STYLE_ELEMENT_ID);
    if (existing instanceof HTMLStyleElement) {
        return existing;
    }
    const style = doc.createElement('style');
    style.id = STYLE_ELEMENT_ID;
    style.textContent = CSS + THREAD_CSS;
    doc.head.appendChild(style);
    return style;
}

export function removeStyles(doc: Document = document): void {
    doc.getElementById(STYLE_ELEMENT_ID)?.remove();
}
