package io.mutua.plans;

import java.time.ZoneId;
import java.util.Map;

/**
 * Shared content written down: its canonical JSON, the hash of that, and the progress beside it. A stored revision
 * whose JSON was altered so that it no longer reads has no content ({@link #readable()} is false): it verifies
 * nothing and cannot be compared.
 */
record Snapshot(SharedContent content, String canonical, String hash, Progress progress) {

    static Snapshot of(PlanView sharedView, ZoneId zone) {
        SharedContent content = SharedContent.of(sharedView);
        String canonical = CanonicalForm.write(content);
        return new Snapshot(content, canonical, CanonicalForm.hash(canonical), Progress.of(sharedView, zone));
    }

    /** A stored revision as read back; its hash is computed again from the stored JSON, not taken on trust. */
    static Snapshot stored(String canonical, String progressJson) {
        String hash = CanonicalForm.hash(canonical);
        try {
            return new Snapshot(CanonicalForm.read(canonical), canonical, hash, Progress.fromJson(progressJson));
        } catch (RuntimeException unreadable) {
            return new Snapshot(null, canonical, hash, new Progress(Map.of()));
        }
    }

    boolean readable() {
        return content != null;
    }

    boolean sameAs(Snapshot other) {
        if (!readable() || !other.readable()) {
            return false;
        }
        return hash.equals(other.hash) && progress.equals(other.progress);
    }
}
