package io.mutua.integration;

import io.mutua.insights.HandoffPackage;
import java.time.Instant;
import java.util.List;

/** What the handoff print template shows: the package, its Markdown made safe HTML, and when it was printed. */
public record PrintedHandoff(HandoffPackage handoff, List<Section> sections, String notesHtml, Instant generatedAt) {

    public record Section(String key, String html) {
    }
}
