package io.mutua.plans;

import io.mutua.playbooks.Side;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way shared content is written down to be hashed: UTF-8 JSON with a fixed structure and key order, no
 * insignificant whitespace, and only the escapes JSON requires (quote, backslash, control characters). The hash is
 * the SHA-256 of these bytes, in lower-case hex. docs/signed-content.md documents the form; change it only with a
 * new {@link #FORMAT}, as every stored signature depends on it.
 */
final class CanonicalForm {

    static final String FORMAT = "mutua.shared-content/1";

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .build();

    private CanonicalForm() {
    }

    /** The canonical JSON of {@code content}, as text. */
    static String write(SharedContent content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringProperty("format", FORMAT);
            json.writeStringProperty("plan", content.planId().toString());
            date(json, "targetSignature", content.targetSignature());
            date(json, "targetGoLive", content.targetGoLive());
            json.writeName("sections");
            json.writeStartObject();
            for (SectionKey key : SectionKey.values()) {
                json.writeStringProperty(key(key), content.sections().get(key));
            }
            json.writeEndObject();
            json.writeName("milestones");
            json.writeStartArray();
            for (SharedContent.Milestone milestone : content.milestones()) {
                json.writeStartObject();
                json.writeStringProperty("id", milestone.id().toString());
                json.writeStringProperty("title", milestone.title());
                json.writeName("steps");
                json.writeStartArray();
                for (SharedContent.Step step : milestone.steps()) {
                    step(json, step);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void step(JsonGenerator json, SharedContent.Step step) {
        json.writeStartObject();
        json.writeStringProperty("id", step.id().toString());
        json.writeStringProperty("title", step.title());
        json.writeStringProperty("description", step.description());
        json.writeStringProperty("side", step.side().name());
        json.writeName("owners");
        json.writeStartArray();
        for (SharedContent.Owner owner : step.owners()) {
            json.writeStartObject();
            if (owner.person()) {
                json.writeStringProperty("name", owner.name());
                json.writeStringProperty("email", owner.email());
            } else {
                json.writeStringProperty("role", owner.role());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        date(json, "targetDate", step.targetDate());
        json.writeEndObject();
    }

    private static void date(JsonGenerator json, String name, LocalDate date) {
        if (date == null) {
            json.writeNullProperty(name);
        } else {
            json.writeStringProperty(name, date.toString());
        }
    }

    /** The SHA-256 of the canonical JSON's UTF-8 bytes, as 64 lower-case hex digits. */
    static String hash(String canonical) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Reads canonical JSON back, e.g. a stored revision, to compare it with another. */
    static SharedContent read(String canonical) {
        JsonNode root = JSON.readTree(canonical);
        Map<SectionKey, String> sections = new EnumMap<>(SectionKey.class);
        for (SectionKey key : SectionKey.values()) {
            sections.put(key, root.path("sections").path(key(key)).asString(""));
        }
        List<SharedContent.Milestone> milestones = new ArrayList<>();
        for (JsonNode milestone : root.path("milestones")) {
            List<SharedContent.Step> steps = new ArrayList<>();
            for (JsonNode step : milestone.path("steps")) {
                List<SharedContent.Owner> owners = new ArrayList<>();
                for (JsonNode owner : step.path("owners")) {
                    owners.add(owner.has("role") ? new SharedContent.Owner(null, null, owner.path("role").asString(""))
                            : new SharedContent.Owner(owner.path("name").asString(""),
                                    owner.path("email").asString(""), null));
                }
                steps.add(new SharedContent.Step(UUID.fromString(step.path("id").asString()),
                        step.path("title").asString(""), step.path("description").asString(""),
                        "BUYER".equals(step.path("side").asString("")) ? Side.BUYER : Side.SELLER, owners,
                        date(step.path("targetDate"))));
            }
            milestones.add(new SharedContent.Milestone(UUID.fromString(milestone.path("id").asString()),
                    milestone.path("title").asString(""), steps));
        }
        return new SharedContent(UUID.fromString(root.path("plan").asString()), date(root.path("targetSignature")),
                date(root.path("targetGoLive")), sections, milestones);
    }

    private static LocalDate date(JsonNode node) {
        return node.isString() ? LocalDate.parse(node.asString()) : null;
    }

    /** How the canonical form (and the API) names a section: {@code success_criteria}. */
    static String key(SectionKey key) {
        return key.name().toLowerCase(Locale.ROOT);
    }
}
