// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// The plugin's one root component (registerRootComponent): the editor and whichever dialog our
// Redux slice says is open. Everything modal the plugin shows starts here.
import React from 'react';

import {useHostSelector} from '../../hooks';
import {getDialog} from '../../selectors';
import EditorModal from '../editor_modal';
import NewDocumentDialog from '../new_document';
import NoticeDialog from '../notice_dialog';
import PolicyDialog from '../policy_dialog';

export default function Root() {
    const dialog = useHostSelector(getDialog);
    let dialogElement: React.ReactNode = null;
    if (dialog?.kind === 'new_document') {
        dialogElement = <NewDocumentDialog channelId={dialog.channelId} rootId={dialog.rootId}/>;
    } else if (dialog?.kind === 'policy') {
        dialogElement = <PolicyDialog fileId={dialog.fileId} fileName={dialog.fileName}/>;
    } else if (dialog?.kind === 'notice') {
        dialogElement = <NoticeDialog notice={dialog.notice} message={dialog.message}/>;
    }
    return (
        <>
            <EditorModal/>
            {dialogElement}
        </>
    );
}
