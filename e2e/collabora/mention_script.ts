// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Collabora's @mention autocomplete (COOL browser/src/control/Control.Mention.ts, the Mention
// class): after '@' typed at the start of a paragraph or after a space, each further letter,
// digit or space sends UI_Mention {type: 'autocomplete', text: <what follows '@'>} to the host,
// debounced by 300 ms, never with empty text (sendMentionPostMsg); a delete takes a character
// back, and deleting the '@' or typing anything else ends the mention (handleMentionInput). The
// host answers Action_Mention {list: [{username, profile, label?}]} (COOL
// browser/src/map/handler/Map.WOPI.js, only once Host_PostmessageReady came and the document
// loaded); the popup lists label ?? username, filtered by the typed text when it is longer than
// one character, or says "No search results found!" (openMentionPopup, getPopupEntries).
// Picking an entry replaces '@<typed>' with a hyperlink '@<label ?? username>' to the profile,
// adds a space, and sends UI_Mention {type: 'selected', username, label} (callback).
export const MENTION_SCRIPT = String.raw`
window.standInMention = function (post, ready, editor, popup) {
    let typingMention = false;
    let partialMention = [];
    let lastTypedChar = '';
    let debounce = null;
    let filteredUsers = [];
    const partial = () => partialMention.join('').substring(1);

    function close(typing) {
        typingMention = typing;
        if (!typing) {
            partialMention = [];
        }
        popup().hidden = true;
        popup().textContent = '';
    }
    function send(text) {
        clearTimeout(debounce);
        if (text === '') {
            close(true);
            return;
        }
        debounce = setTimeout(() => post('UI_Mention', {type: 'autocomplete', text}), 300);
    }
    function select(index) {
        const user = filteredUsers[index];
        const shown = user.label ?? user.username;
        const el = editor();
        const end = el.selectionStart;
        const replacement = '@' + partial();
        const start = end - replacement.length;
        el.value = el.value.slice(0, start) + '@' + shown + ' ' + el.value.slice(end);
        el.selectionStart = el.selectionEnd = start + shown.length + 2;
        el.dataset.lastMentionProfile = user.profile || '';
        el.dispatchEvent(new Event('input'));
        post('UI_Mention', {type: 'selected', username: user.username, label: user.label});
        close(false);
        el.focus();
    }
    return {
        input(ev) {
            if (!(ev instanceof InputEvent)) {
                return;
            }
            if (!typingMention) {
                const el = editor();
                const before = el.value.slice(0, el.selectionStart - 1);
                const newPara = before === '' || before.endsWith('\n');
                const isAt = ev.data === '@';
                if ((newPara && isAt) || (isAt && (lastTypedChar === ' ' || lastTypedChar === '@'))) {
                    partialMention.push(ev.data);
                    typingMention = true;
                    return;
                }
                lastTypedChar = ev.data;
                return;
            }
            if (ev.inputType === 'deleteContentBackward' || ev.inputType === 'deleteContentForward') {
                const ch = partialMention.pop();
                if (ch === '@') {
                    close(false);
                } else {
                    send(partial());
                }
                return;
            }
            if (ev.data === '@' && partialMention.length === 1) {
                return;
            }
            if (ev.data && /^[0-9a-zA-Z ]+$/.test(ev.data)) {
                partialMention.push(ev.data);
                send(partial());
            } else {
                close(false);
            }
        },
        open(list) {
            if (!ready() || !typingMention || !Array.isArray(list)) {
                return;
            }
            const text = partial();
            filteredUsers = text.length > 1 ? list.filter((u) => String(u.label ?? u.username).toLowerCase().includes(text.toLowerCase())) : list;
            const el = popup();
            el.textContent = '';
            if (filteredUsers.length === 0) {
                if (text.indexOf(' ') !== -1) {
                    close(false);
                    return;
                }
                const none = document.createElement('p');
                none.dataset.testid = 'standin-mention-empty';
                none.textContent = 'No search results found!';
                el.appendChild(none);
            }
            filteredUsers.forEach((user, index) => {
                const entry = document.createElement('button');
                entry.type = 'button';
                entry.dataset.testid = 'standin-mention-entry';
                entry.dataset.username = user.username;
                entry.textContent = user.label ?? user.username;
                entry.addEventListener('mousedown', (e) => e.preventDefault());
                entry.addEventListener('click', () => select(index));
                el.appendChild(entry);
            });
            el.hidden = false;
        },
    };
};
`;
