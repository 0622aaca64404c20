// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// components/post_view/show_more/show_more.tsx: a post's message and its PostMessageAttachment
// pluggables are cut at maxHeight (600px) with a "Show more" button; the overflow is measured again
// when a pluggable calls onHeightChange (post_message_view.tsx handleHeightReceived), not otherwise,
// so content that grows without saying so stays clipped.

import React, {useLayoutEffect, useRef, useState} from 'react';

const MAX_HEIGHT = 600;

export function ShowMore({checkOverflow, children}: {checkOverflow: number; children: React.ReactNode}) {
    const content = useRef<HTMLDivElement>(null);
    const [overflows, setOverflows] = useState(false);
    const [open, setOpen] = useState(false);

    useLayoutEffect(() => {
        setOverflows((content.current?.scrollHeight ?? 0) > MAX_HEIGHT);
    }, [checkOverflow]);

    return (
        <div className='mm-show-more' data-testid='host-show-more'>
            <div ref={content} style={open ? undefined : {maxHeight: MAX_HEIGHT, overflow: 'hidden'}}>{children}</div>
            {overflows && (
                <button type='button' className='mm-btn mm-btn--tertiary' onClick={() => setOpen(!open)}>{open ? 'Show less' : 'Show more'}</button>
            )}
        </div>
    );
}
