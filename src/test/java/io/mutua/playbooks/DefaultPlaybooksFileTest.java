package io.mutua.playbooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checks the playbooks that ship with Mutua against the rules of the playbook file format. */
class DefaultPlaybooksFileTest {

    static final String ENTERPRISE = "/playbooks/enterprise-new-business.json";
    static final String MID_MARKET = "/playbooks/mid-market.json";

    /** What each shipped file must satisfy beyond the format: sizes and the length of its critical path. */
    record Spec(String path, int minMilestones, int maxMilestones, int minSteps, int maxSteps,
                int minCriticalPath, int maxCriticalPath) {
        @Override
        public String toString() {
            return path;
        }
    }

    static final List<Spec> SPECS = List.of(
            new Spec(ENTERPRISE, 5, 7, 15, 20, 60, 90),
            new Spec(MID_MARKET, 4, 5, 10, 13, 20, 35));

    static final List<String> STAGES = List.of("discovery", "solution", "proposal", "negotiation");

    static final Map<String, String> SIDE_OF_ROLE = Map.ofEntries(
            Map.entry("ACCOUNT_EXECUTIVE", "SELLER"),
            Map.entry("SOLUTIONS_ENGINEER", "SELLER"),
            Map.entry("SALES_MANAGER", "SELLER"),
            Map.entry("SELLER_LEGAL", "SELLER"),
            Map.entry("EXECUTIVE_SPONSOR", "SELLER"),
            Map.entry("CUSTOMER_SUCCESS", "SELLER"),
            Map.entry("CHAMPION", "BUYER"),
            Map.entry("ECONOMIC_BUYER", "BUYER"),
            Map.entry("TECHNICAL_EVALUATOR", "BUYER"),
            Map.entry("PROCUREMENT", "BUYER"),
            Map.entry("BUYER_LEGAL", "BUYER"),
            Map.entry("SECURITY", "BUYER"));

    static final Set<String> ROOT_FIELDS = Set.of(
            "name", "description", "segment", "minAmount", "maxAmount", "priority", "isDefault", "content");
    static final Set<String> STEP_FIELDS = Set.of(
            "key", "title", "guidance", "side", "ownerRole", "visibility", "stage", "defaultDays", "dependsOn");

    static final Pattern KEY = Pattern.compile("[a-z0-9-]{3,60}");
    static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z!][^>]*>");
    static final Pattern LINK = Pattern.compile("(?i)(https?://|ftp://|mailto:|www\\.|\\]\\()");

    /** Kinds of step that both playbooks have and must name with the same key, so durations are learned across them. */
    static final List<String> COMMON_KEYS = List.of(
            "discovery-call", "stakeholder-mapping", "meddpicc-review", "solution-demo", "internal-pricing-approval",
            "proposal", "business-case-approval", "security-review", "legal-review", "purchase-order", "signature",
            "kickoff");

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** One step with the milestone it sits in, in document order. */
    record Step(String milestone, JsonNode node) {
        String key() {
            return node.get("key").stringValue();
        }

        String text(String field) {
            return node.get(field).stringValue();
        }

        int days() {
            return node.get("defaultDays").intValue();
        }

        List<String> dependsOn() {
            List<String> keys = new ArrayList<>();
            node.get("dependsOn").forEach(key -> keys.add(key.stringValue()));
            return keys;
        }
    }

    static Stream<Spec> specs() {
        return SPECS.stream();
    }

    static JsonNode read(String path) {
        byte[] bytes;
        try (InputStream in = DefaultPlaybooksFileTest.class.getResourceAsStream(path)) {
            assertThat(in).as("%s is on the classpath", path).isNotNull();
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError("cannot read " + path, e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(path + " is not valid UTF-8", e);
        }
        assertThat(text).as("%s starts without a byte order mark", path).doesNotStartWith("\uFEFF");
        return JSON.readTree(text);
    }

    static List<Step> steps(JsonNode playbook) {
        List<Step> steps = new ArrayList<>();
        for (JsonNode milestone : playbook.get("content").get("milestones")) {
            for (JsonNode step : milestone.get("steps")) {
                steps.add(new Step(milestone.get("title").stringValue(), step));
            }
        }
        return steps;
    }

    static Map<String, Step> byKey(List<Step> steps) {
        Map<String, Step> map = new LinkedHashMap<>();
        steps.forEach(step -> map.put(step.key(), step));
        return map;
    }

    /** Every step each step depends on, directly or through other steps. */
    static Map<String, Set<String>> ancestors(List<Step> steps) {
        Map<String, Set<String>> ancestors = new HashMap<>();
        for (Step step : steps) {
            Set<String> all = new HashSet<>();
            for (String dependency : step.dependsOn()) {
                all.add(dependency);
                all.addAll(ancestors.getOrDefault(dependency, Set.of()));
            }
            ancestors.put(step.key(), all);
        }
        return ancestors;
    }

    /** The longest path of default durations through the dependencies (dependencies point only backwards). */
    static int criticalPath(List<Step> steps) {
        Map<String, Integer> finish = new HashMap<>();
        int longest = 0;
        for (Step step : steps) {
            int start = 0;
            for (String dependency : step.dependsOn()) {
                Integer end = finish.get(dependency);
                if (end == null) {
                    throw new AssertionError(step.key() + " depends on " + dependency + ", which is not an earlier step");
                }
                start = Math.max(start, end);
            }
            finish.put(step.key(), start + step.days());
            longest = Math.max(longest, start + step.days());
        }
        return longest;
    }

    @ParameterizedTest
    @MethodSource("specs")
    void hasExactlyTheDocumentedFieldsWithTheirTypes(Spec spec) {
        JsonNode playbook = read(spec.path());
        assertThat(playbook.isObject()).isTrue();
        assertThat(Set.copyOf(playbook.propertyNames())).isEqualTo(ROOT_FIELDS);
        assertThat(playbook.get("name").isString()).isTrue();
        assertThat(playbook.get("description").isString()).isTrue();
        assertThat(playbook.get("segment").isNull() || playbook.get("segment").isString()).isTrue();
        assertThat(playbook.get("minAmount").isNull() || playbook.get("minAmount").isNumber()).isTrue();
        assertThat(playbook.get("maxAmount").isNull() || playbook.get("maxAmount").isNumber()).isTrue();
        assertThat(playbook.get("priority").isInt()).isTrue();
        assertThat(playbook.get("isDefault").isBoolean()).isTrue();

        JsonNode content = playbook.get("content");
        assertThat(content.isObject()).isTrue();
        assertThat(Set.copyOf(content.propertyNames())).isEqualTo(Set.of("milestones"));
        assertThat(content.get("milestones").isArray()).isTrue();
        for (JsonNode milestone : content.get("milestones")) {
            assertThat(Set.copyOf(milestone.propertyNames())).isEqualTo(Set.of("title", "steps"));
            assertThat(milestone.get("title").isString()).isTrue();
            assertThat(milestone.get("steps").isArray()).isTrue();
            assertThat(milestone.get("steps").isEmpty()).as("milestone %s has steps", milestone.get("title")).isFalse();
            for (JsonNode step : milestone.get("steps")) {
                assertThat(Set.copyOf(step.propertyNames())).as("fields of %s", step.get("key")).isEqualTo(STEP_FIELDS);
                for (String field : List.of("key", "title", "guidance", "side", "ownerRole", "visibility", "stage")) {
                    assertThat(step.get(field).isString()).as("%s of %s is a string", field, step.get("key")).isTrue();
                }
                assertThat(step.get("defaultDays").isInt()).as("defaultDays of %s", step.get("key")).isTrue();
                assertThat(step.get("dependsOn").isArray()).as("dependsOn of %s", step.get("key")).isTrue();
                step.get("dependsOn").forEach(key -> assertThat(key.isString()).isTrue());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void describesItselfAndHasSensibleSelectionRules(Spec spec) {
        JsonNode playbook = read(spec.path());
        String name = playbook.get("name").stringValue();
        assertThat(name).isNotBlank().hasSizeLessThanOrEqualTo(120).isEqualTo(name.strip());
        String description = playbook.get("description").stringValue();
        assertThat(description).isNotBlank().hasSizeLessThanOrEqualTo(1000).isEqualTo(description.strip());
        assertThat(description.split("(?<=[.!?])\\s+")).as("one or two sentences").hasSizeBetween(1, 2);
        assertThat(HTML_TAG.matcher(description).find()).isFalse();
        assertThat(LINK.matcher(description).find()).isFalse();

        JsonNode segment = playbook.get("segment");
        if (!segment.isNull()) {
            assertThat(segment.stringValue()).isNotBlank().hasSizeLessThanOrEqualTo(60);
        }
        JsonNode min = playbook.get("minAmount");
        JsonNode max = playbook.get("maxAmount");
        if (!min.isNull()) {
            assertThat(min.decimalValue()).isNotNegative();
        }
        if (!max.isNull()) {
            assertThat(max.decimalValue()).isNotNegative();
        }
        if (!min.isNull() && !max.isNull()) {
            assertThat(min.decimalValue()).isLessThanOrEqualTo(max.decimalValue());
        }
        assertThat(playbook.get("priority").intValue()).isNotNegative();
    }

    @ParameterizedTest
    @MethodSource("specs")
    void hasTheRightNumberOfMilestonesAndSteps(Spec spec) {
        JsonNode playbook = read(spec.path());
        assertThat(playbook.get("content").get("milestones").size())
                .isBetween(spec.minMilestones(), spec.maxMilestones());
        assertThat(steps(playbook).size()).isBetween(spec.minSteps(), spec.maxSteps());
        List<String> milestoneTitles = new ArrayList<>();
        playbook.get("content").get("milestones").forEach(m -> milestoneTitles.add(m.get("title").stringValue()));
        assertThat(milestoneTitles).doesNotHaveDuplicates().allSatisfy(DefaultPlaybooksFileTest::isATitle);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void keysAreUniqueAndWellFormed(Spec spec) {
        List<String> keys = steps(read(spec.path())).stream().map(Step::key).toList();
        assertThat(keys).doesNotHaveDuplicates().allSatisfy(key -> assertThat(key).matches(KEY));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void titlesAndGuidanceAreShortPlainText(Spec spec) {
        for (Step step : steps(read(spec.path()))) {
            isATitle(step.text("title"));
            String guidance = step.text("guidance");
            assertThat(guidance).as("guidance of %s", step.key()).isEqualTo(guidance.strip());
            List<String> lines = guidance.lines().toList();
            assertThat(lines).as("guidance lines of %s", step.key()).hasSizeBetween(2, 6)
                    .allSatisfy(line -> assertThat(line).isNotBlank().hasSizeLessThanOrEqualTo(200));
            assertThat(HTML_TAG.matcher(guidance).find()).as("HTML in guidance of %s", step.key()).isFalse();
            assertThat(LINK.matcher(guidance).find()).as("link in guidance of %s", step.key()).isFalse();
        }
    }

    static void isATitle(String title) {
        assertThat(title).isNotBlank().hasSizeLessThanOrEqualTo(120).isEqualTo(title.strip()).doesNotEndWith(".");
    }

    @ParameterizedTest
    @MethodSource("specs")
    void ownerRolesMatchTheSideAndBuyerStepsAreShared(Spec spec) {
        for (Step step : steps(read(spec.path()))) {
            String side = step.text("side");
            String role = step.text("ownerRole");
            String visibility = step.text("visibility");
            assertThat(side).as("side of %s", step.key()).isIn("SELLER", "BUYER");
            assertThat(SIDE_OF_ROLE).as("owner role of %s", step.key()).containsKey(role);
            assertThat(SIDE_OF_ROLE.get(role)).as("side of the owner role of %s", step.key()).isEqualTo(side);
            assertThat(visibility).as("visibility of %s", step.key()).isIn("INTERNAL", "SHARED");
            if (side.equals("BUYER")) {
                assertThat(visibility).as("buyer step %s is shared", step.key()).isEqualTo("SHARED");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void mixesBuyerSellerInternalAndSharedSteps(Spec spec) {
        List<Step> steps = steps(read(spec.path()));
        assertThat(steps).anyMatch(s -> s.text("side").equals("BUYER"));
        assertThat(steps).anyMatch(s -> s.text("side").equals("SELLER") && s.text("visibility").equals("SHARED"));
        assertThat(steps.stream().filter(s -> s.text("visibility").equals("INTERNAL")).count())
                .as("internal seller steps").isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void stagesFollowThePipelineOrder(Spec spec) {
        List<Step> steps = steps(read(spec.path()));
        int previous = 0;
        for (Step step : steps) {
            int index = STAGES.indexOf(step.text("stage"));
            assertThat(index).as("stage of %s", step.key()).isNotNegative();
            assertThat(index).as("stage of %s comes no earlier than the step before it", step.key())
                    .isGreaterThanOrEqualTo(previous);
            previous = index;
        }
        assertThat(steps.get(0).text("stage")).isEqualTo("discovery");
    }

    @ParameterizedTest
    @MethodSource("specs")
    void defaultDaysAreRealistic(Spec spec) {
        for (Step step : steps(read(spec.path()))) {
            assertThat(step.days()).as("defaultDays of %s", step.key()).isBetween(1, 30);
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void dependenciesPointOnlyToEarlierSteps(Spec spec) {
        Set<String> earlier = new HashSet<>();
        for (Step step : steps(read(spec.path()))) {
            assertThat(step.dependsOn()).as("dependencies of %s", step.key())
                    .doesNotHaveDuplicates()
                    .allSatisfy(key -> assertThat(earlier).as("%s depends on an earlier step", step.key()).contains(key));
            earlier.add(step.key());
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void dependenciesFormARealisticGraph(Spec spec) {
        List<Step> steps = steps(read(spec.path()));
        Map<String, Step> byKey = byKey(steps);
        Map<String, Set<String>> ancestors = ancestors(steps);

        assertThat(steps.get(0).dependsOn()).as("the first step starts the plan").isEmpty();
        assertThat(steps.stream().skip(1)).as("every later step waits for something")
                .allSatisfy(step -> assertThat(step.dependsOn()).as("dependencies of %s", step.key()).isNotEmpty());
        assertThat(steps).as("some step joins parallel tracks").anyMatch(step -> step.dependsOn().size() >= 2);
        Map<String, Integer> dependents = new HashMap<>();
        steps.forEach(step -> step.dependsOn().forEach(key -> dependents.merge(key, 1, Integer::sum)));
        assertThat(dependents.values()).as("some step opens parallel tracks").anyMatch(count -> count >= 2);

        assertThat(byKey).containsKeys("business-case-approval", "security-review", "legal-review", "purchase-order",
                "signature", "kickoff");
        assertThat(ancestors.get("security-review")).contains("business-case-approval").doesNotContain("legal-review");
        assertThat(ancestors.get("legal-review")).contains("business-case-approval").doesNotContain("security-review");
        assertThat(ancestors.get("signature")).contains("legal-review", "security-review", "purchase-order");
        assertThat(byKey.get("kickoff").dependsOn()).contains("signature");
        assertThat(steps.get(steps.size() - 1).key()).isEqualTo("kickoff");
        assertThat(steps.stream().map(Step::key).filter(key -> !key.equals("kickoff")))
                .as("every step leads to the kickoff")
                .allSatisfy(key -> assertThat(ancestors.get("kickoff")).contains(key));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void criticalPathIsRealistic(Spec spec) {
        assertThat(criticalPath(steps(read(spec.path()))))
                .isBetween(spec.minCriticalPath(), spec.maxCriticalPath());
    }

    @Test
    void criticalPathIsTheLongestChainOfDurations() {
        JsonNode plan = JSON.readTree("""
                {"content": {"milestones": [{"title": "m", "steps": [
                  {"key": "aaa", "defaultDays": 2, "dependsOn": []},
                  {"key": "bbb", "defaultDays": 10, "dependsOn": ["aaa"]},
                  {"key": "ccc", "defaultDays": 3, "dependsOn": ["aaa"]},
                  {"key": "ddd", "defaultDays": 1, "dependsOn": ["bbb", "ccc"]},
                  {"key": "eee", "defaultDays": 20, "dependsOn": []}
                ]}]}}
                """);
        assertThat(criticalPath(steps(plan))).isEqualTo(20);
        assertThat(criticalPath(steps(plan).subList(0, 4))).isEqualTo(13);
    }

    @Test
    void exactlyOneDefaultAndItIsMidMarket() {
        JsonNode enterprise = read(ENTERPRISE);
        JsonNode midMarket = read(MID_MARKET);
        assertThat(Stream.of(enterprise, midMarket).filter(p -> p.get("isDefault").booleanValue()).count()).isEqualTo(1);
        assertThat(enterprise.get("isDefault").booleanValue()).isFalse();
        assertThat(midMarket.get("isDefault").booleanValue()).isTrue();
        assertThat(enterprise.get("name").stringValue()).isNotEqualToIgnoringCase(midMarket.get("name").stringValue());
        assertThat(enterprise.get("priority").intValue())
                .as("the specific playbook is tried before the fallback")
                .isLessThan(midMarket.get("priority").intValue());
        assertThat(enterprise.get("segment").stringValue()).isEqualTo("Enterprise");
        assertThat(enterprise.get("minAmount").decimalValue()).isEqualByComparingTo("100000");
    }

    @Test
    void theSameKindOfStepHasTheSameKeyAndShapeInBothPlaybooks() {
        Map<String, Step> enterprise = byKey(steps(read(ENTERPRISE)));
        Map<String, Step> midMarket = byKey(steps(read(MID_MARKET)));
        assertThat(enterprise).containsKeys(COMMON_KEYS.toArray(String[]::new));
        assertThat(midMarket).containsKeys(COMMON_KEYS.toArray(String[]::new));
        Set<String> shared = new LinkedHashSet<>(enterprise.keySet());
        shared.retainAll(midMarket.keySet());
        for (String key : shared) {
            for (String field : List.of("side", "ownerRole", "visibility", "stage")) {
                assertThat(midMarket.get(key).text(field)).as("%s of %s", field, key)
                        .isEqualTo(enterprise.get(key).text(field));
            }
        }
    }
}
