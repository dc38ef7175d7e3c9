package io.mutua.plans;

import java.time.ZoneId;

/** Shared content written down: its canonical JSON, the hash of that, and the progress beside it. */
record Snapshot(SharedContent content, String canonical, String hash, Progress progress) {

    static Snapshot of(PlanView sharedView, ZoneId zone) {
        SharedContent content = SharedContent.of(sharedView);
        String canonical = CanonicalForm.write(content);
        return new Snapshot(content, canonical, CanonicalForm.hash(canonical), Progress.of(sharedView, zone));
    }

    /** A stored revision as read back; its hash is computed again from the stored JSON, not taken on trust. */
    static Snapshot stored(String canonical, String progressJson) {
        return new Snapshot(CanonicalForm.read(canonical), canonical, CanonicalForm.hash(canonical),
                Progress.fromJson(progressJson));
    }

    boolean sameAs(Snapshot other) {
        return hash.equals(other.hash) && progress.equals(other.progress);
    }
}
