package io.mutua.notifications;

import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * How each person wants to be told. Defaults: sellers get every notification at once; buyers get the daily digest,
 * plus immediate emails for what needs them now (a step assigned to them, a mention).
 */
@Component
class Preferences {

    Mode modeFor(Recipient recipient, UUID planId, NoticeKind kind) {
        if (!recipient.buyer()) {
            return Mode.IMMEDIATE;
        }
        return kind == NoticeKind.ASSIGNED || kind == NoticeKind.MENTIONED || kind == NoticeKind.INVITED
                ? Mode.IMMEDIATE : Mode.DIGEST;
    }
}
