package io.mutua.web;

/** Someone else changed the row since the editor read it; nothing was overwritten. */
public class StaleVersionException extends DomainException {

    private final long currentVersion;

    public StaleVersionException(String messageKey, long currentVersion) {
        super(messageKey);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
