// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// The thread panel's part of the stylesheet (styles.ts injects it), in the theme's variables only.
export const THREAD_CSS = `
.co-thread { display: flex; flex-direction: column; width: 340px; flex: 0 0 340px; min-height: 0; box-sizing: border-box;
  background: var(--center-channel-bg); color: var(--center-channel-color); border-left: 1px solid rgba(var(--center-channel-color-rgb), 0.16); }
.co-thread--overlay { position: absolute; top: 0; right: 0; bottom: 0; z-index: 3; width: min(360px, 100%); flex: none;
  box-shadow: -8px 0 24px rgba(0, 0, 0, 0.16); }
.co-thread__header { display: flex; align-items: center; gap: 8px; padding: 8px 12px; min-height: 44px; box-sizing: border-box;
  border-bottom: 1px solid rgba(var(--center-channel-color-rgb), 0.12); font-size: 14px; }
.co-thread__count { flex: 1; color: rgba(var(--center-channel-color-rgb), 0.64); font-size: 12px; }
.co-thread__collapse { width: 32px; padding: 0; justify-content: center; font-size: 18px; }
.co-thread__posts { list-style: none; margin: 0; padding: 8px 0; flex: 1; overflow-y: auto; }
.co-thread__post { display: flex; gap: 8px; padding: 6px 12px; font-size: 14px; line-height: 20px; }
.co-thread__post:first-child { padding-bottom: 10px; border-bottom: 1px solid rgba(var(--center-channel-color-rgb), 0.08); margin-bottom: 4px; }
.co-thread__avatar { width: 32px; height: 32px; border-radius: 50%; flex: none; background: rgba(var(--center-channel-color-rgb), 0.08); }
.co-thread__body { min-width: 0; flex: 1; }
.co-thread__meta { display: flex; align-items: baseline; gap: 6px; flex-wrap: wrap; }
.co-thread__username, .co-thread__meta time { color: rgba(var(--center-channel-color-rgb), 0.64); font-size: 12px; }
.co-thread__text { overflow-wrap: anywhere; }
.co-thread__text--plain { white-space: pre-wrap; }
.co-thread__text p { margin: 0 0 4px; }
.co-thread__files { color: rgba(var(--center-channel-color-rgb), 0.72); font-size: 12px; }
.co-thread__error { margin: 6px 12px; color: var(--error-text); font-size: 13px; }
.co-thread__loading { margin: 12px; color: rgba(var(--center-channel-color-rgb), 0.64); font-size: 13px; }
.co-thread__reply { display: flex; flex-direction: column; align-items: flex-end; gap: 6px; padding: 8px 12px 12px;
  border-top: 1px solid rgba(var(--center-channel-color-rgb), 0.12); }
.co-thread__input { width: 100%; box-sizing: border-box; resize: vertical; min-height: 44px; padding: 8px; border-radius: 4px; font: inherit; font-size: 14px;
  border: 1px solid rgba(var(--center-channel-color-rgb), 0.24); background: var(--center-channel-bg); color: var(--center-channel-color); }
.co-thread-toggle { display: flex; flex-direction: column; align-items: center; gap: 4px; width: 40px; flex: none; padding: 10px 0;
  border: 0; border-left: 1px solid rgba(var(--center-channel-color-rgb), 0.16); background: var(--center-channel-bg);
  color: var(--center-channel-color); cursor: pointer; font-size: 16px; }
.co-thread-toggle--floating { position: absolute; right: 16px; bottom: 16px; z-index: 3; width: auto; flex-direction: row; gap: 6px;
  padding: 8px 14px; border: 0; border-radius: 20px; background: var(--button-bg); color: var(--button-color);
  box-shadow: 0 4px 12px rgba(0, 0, 0, 0.24); }
.co-thread-toggle__count { font-size: 12px; font-weight: 600; }
`;
