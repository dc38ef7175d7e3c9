package io.mutua.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.collaboration.BuyingRole;
import io.mutua.deals.DealStatus;
import io.mutua.deals.MeddpiccElement;
import io.mutua.deals.QualificationStatus;
import io.mutua.forecasting.crm.CrmField;
import io.mutua.forecasting.crm.DateFormatHint;
import io.mutua.forecasting.crm.HistoryField;
import io.mutua.forecasting.crm.ImportStatus;
import io.mutua.identity.ProfileController;
import io.mutua.identity.Role;
import io.mutua.integration.webhooks.WebhookEventType;
import io.mutua.mail.MailStatus;
import io.mutua.notifications.KindGroup;
import io.mutua.notifications.Mode;
import io.mutua.notifications.NoticeKind;
import io.mutua.plans.EstimateSource;
import io.mutua.plans.PlanChange;
import io.mutua.plans.PlanStatus;
import io.mutua.plans.RevisionReason;
import io.mutua.plans.SectionKey;
import io.mutua.plans.SignatureStatus;
import io.mutua.plans.StepStatus;
import io.mutua.playbooks.OwnerRole;
import io.mutua.playbooks.PlaybookPurpose;
import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import io.mutua.web.I18nSources.Bundle;
import io.mutua.web.I18nSources.Call;
import io.mutua.web.I18nSources.Source;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every message key the code asks for exists in both bundles. Keys are read from the sources: {@code ui.t("…")} in
 * templates; in Java, the key argument of each {@link DomainException} subclass constructor, {@code getMessage("…")},
 * {@link NavLink} labels, {@code "{…}"} validation messages and any other literal in a bundle namespace. Keys built
 * at run time ({@code "role." + role.name()}) are checked against the values they can take.
 */
class MessageKeysUsedTest {

    private static final Pattern UI_T = Pattern.compile("\\bui\\.t\\(");
    private static final Pattern GET_MESSAGE = Pattern.compile("\\.getMessage\\(");
    private static final Pattern NEW_NAV_LINK = Pattern.compile("\\bnew\\s+NavLink\\s*\\(");
    private static final Pattern ANNOTATION_MESSAGE =
            Pattern.compile("\\bmessage\\s*=\\s*(\"(?:[^\"\\\\\\n]|\\\\.)*\")");
    private static final Pattern KEY_SHAPED = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+)\"");
    private static final Pattern SUBCLASS = Pattern.compile("\\bclass\\s+(\\w+)(?:<[^>]*>)?\\s+extends\\s+(\\w+)");
    private static final Pattern INDEXED = Pattern.compile("\\{\\s*(\\d+)");

    /**
     * Keys built at run time in templates, each with the values it is checked against below. A template that
     * builds a key any other way fails {@link #everyKeyBuiltAtRunTimeIsCovered()} until a check is added here.
     */
    private static final Map<String, Collection<String>> DYNAMIC_PREFIXES = Map.ofEntries(
            Map.entry("role.", names(Role.values())),
            Map.entry("status.", names(DealStatus.values())),
            Map.entry("profile.saved.", profileNotices()),
            Map.entry("planStatus.", names(PlanStatus.values())),
            Map.entry("stepStatus.", names(StepStatus.values())),
            Map.entry("playbooks.purpose.", names(PlaybookPurpose.values())),
            Map.entry("estimate.", names(EstimateSource.values())),
            Map.entry("activity.", names(PlanChange.values())),
            Map.entry("notice.", names(NoticeKind.values())),
            Map.entry("notificationGroup.", names(KindGroup.values())),
            Map.entry("notificationMode.", names(Mode.values())),
            Map.entry("ownerRole.", names(OwnerRole.values())),
            Map.entry("side.", names(Side.values())),
            Map.entry("visibility.", names(Visibility.values())),
            Map.entry("meddpicc.", names(MeddpiccElement.values())),
            Map.entry("meddpiccHint.", names(MeddpiccElement.values())),
            Map.entry("qualificationStatus.", names(QualificationStatus.values())),
            Map.entry("mapSection.", names(SectionKey.values())),
            Map.entry("mapSectionHint.", names(SectionKey.values())),
            Map.entry("buyerPlan.section.", names(SectionKey.values())),
            Map.entry("buyingRole.", names(BuyingRole.values())),
            Map.entry("signatureStatus.", names(SignatureStatus.values())),
            Map.entry("revisionReason.", names(RevisionReason.values())),
            Map.entry("mailQueue.status.", names(MailStatus.values())),
            Map.entry("crmImport.status.", names(ImportStatus.values())),
            Map.entry("crmImport.field.", names(CrmField.values())),
            Map.entry("crmImport.fieldHint.", names(CrmField.values())),
            Map.entry("crmImport.historyField.", names(HistoryField.values())),
            Map.entry("crmImport.dates.", names(DateFormatHint.values())),
            Map.entry("webhooks.status.", List.of("QUEUED", "DELIVERED", "FAILED", "CANCELLED")),
            Map.entry("webhooks.event.", WebhookEventType.subscribable().stream().map(WebhookEventType::type)
                    .toList()));

    /**
     * Whole keys that templates take from Java values; the literals they come from are checked where they are
     * written: NavLink labels in {@link #javaKeysExistInBothBundles()}, error pages show {@code ErrorPage} and
     * {@code DomainException} keys, which are checked there too.
     */
    private static final Set<String> KEYS_FROM_JAVA = Set.of("link.labelKey()", "page.messageKey()",
            "entry.subjectKey()", "part.messageKey()");

    private final Bundle english = I18nSources.english();
    private final Bundle greek = I18nSources.greek();

    record Usage(String key, String where, int args) {

        static final int UNKNOWN = -1;
    }

    @Test
    void templateKeysExistInBothBundles() {
        List<Usage> usages = templateUsages();
        assertThat(usages).as("ui.t(\"…\") calls found in %s", I18nSources.TEMPLATES).isNotEmpty();
        assertExist(usages);
    }

    @Test
    void javaKeysExistInBothBundles() {
        List<Usage> usages = javaUsages();
        assertThat(usages).as("message keys found in %s", I18nSources.JAVA).isNotEmpty();
        assertExist(usages);
    }

    @Test
    void callersPassAsManyArgumentsAsTheMessageHasPlaceholders() {
        List<String> mismatches = new ArrayList<>();
        for (Usage usage : concat(templateUsages(), javaUsages())) {
            String value = english.messages().get(usage.key());
            if (value == null || usage.args() == Usage.UNKNOWN) {
                continue;
            }
            int expected = argumentCount(value);
            if (expected != usage.args()) {
                mismatches.add(usage.key() + " has " + expected + " placeholder(s) but " + usage.where() + " passes "
                        + usage.args() + " argument(s)");
            }
        }
        assertThat(mismatches).as("messages called with the wrong number of arguments").isEmpty();
    }

    @Test
    void validationMessagesAreKeysNotText() {
        List<String> literalText = new ArrayList<>();
        for (Source source : I18nSources.javaSources()) {
            Matcher matcher = ANNOTATION_MESSAGE.matcher(source.text());
            while (matcher.find()) {
                String message = I18nSources.stringLiteral(matcher.group(1)).orElseThrow();
                if (!message.matches("\\{[^{}]+}")) {
                    literalText.add(source.at(matcher.start()) + ": message = \"" + message + "\"");
                }
            }
        }
        assertThat(literalText).as("validation messages written as text instead of \"{key}\"").isEmpty();
    }

    @Test
    void keysBuiltAtRunTimeExistForEveryValue() {
        List<Usage> expected = new ArrayList<>();
        DYNAMIC_PREFIXES.forEach((prefix, values) -> {
            assertThat(values).as("values behind %s", prefix).isNotEmpty();
            values.forEach(value -> expected.add(new Usage(prefix + value, "the values behind \"" + prefix + "\" + …",
                    Usage.UNKNOWN)));
        });
        assertExist(expected);
    }

    @Test
    void noStaleKeysUnderRunTimePrefixes() {
        List<String> stale = new ArrayList<>();
        DYNAMIC_PREFIXES.forEach((prefix, values) -> english.messages().keySet().stream()
                .filter(key -> key.startsWith(prefix))
                .filter(key -> !values.contains(key.substring(prefix.length())))
                .forEach(key -> stale.add(key + " (known values: " + values + ")")));
        assertThat(stale).as("keys for values that no longer exist").isEmpty();
    }

    @Test
    void everyKeyBuiltAtRunTimeIsCovered() {
        List<String> uncovered = new ArrayList<>();
        for (Source template : I18nSources.templates()) {
            for (Call call : I18nSources.calls(blankJteComments(template.text()), UI_T)) {
                String first = call.args().isEmpty() ? "" : call.args().get(0);
                if (I18nSources.stringLiteral(first).isPresent()) {
                    continue;
                }
                Optional<String> prefix = literalPrefix(first);
                boolean covered = prefix.isPresent()
                        ? DYNAMIC_PREFIXES.containsKey(prefix.get())
                        : KEYS_FROM_JAVA.contains(first.replaceAll("\\s+", ""));
                if (!covered) {
                    uncovered.add(template.at(call.offset()) + ": ui.t(" + first + ", …)");
                }
            }
        }
        assertThat(uncovered)
                .as("keys built at run time that no test checks; add the prefix and its values to DYNAMIC_PREFIXES")
                .isEmpty();
    }

    private void assertExist(List<Usage> usages) {
        Map<String, Set<String>> missing = new LinkedHashMap<>();
        for (Usage usage : usages) {
            for (Bundle bundle : List.of(english, greek)) {
                if (!bundle.messages().containsKey(usage.key())) {
                    missing.computeIfAbsent(usage.key() + " missing from " + bundle.name(), k -> new TreeSet<>())
                            .add(usage.where());
                }
            }
        }
        assertThat(missing.entrySet().stream().map(entry -> entry.getKey() + ", used at " + entry.getValue()).toList())
                .as("message keys that do not exist").isEmpty();
    }

    private List<Usage> templateUsages() {
        List<Usage> usages = new ArrayList<>();
        for (Source template : I18nSources.templates()) {
            for (Call call : I18nSources.calls(blankJteComments(template.text()), UI_T)) {
                if (call.args().isEmpty()) {
                    continue;
                }
                int args = call.args().size() - 1;
                I18nSources.stringLiteral(call.args().get(0))
                        .ifPresent(key -> usages.add(new Usage(key, template.at(call.offset()), args)));
            }
        }
        return usages;
    }

    private List<Usage> javaUsages() {
        List<Source> sources = I18nSources.javaSources();
        List<Usage> usages = new ArrayList<>();
        exceptionKeys(sources, usages);
        for (Source source : sources) {
            for (Call call : I18nSources.calls(source.text(), GET_MESSAGE)) {
                if (!call.args().isEmpty()) {
                    I18nSources.stringLiteral(call.args().get(0)).ifPresent(key -> usages.add(
                            new Usage(key, source.at(call.offset()), getMessageArgs(call.args()))));
                }
            }
            int labelIndex = navLinkLabelIndex();
            for (Call call : I18nSources.calls(source.text(), NEW_NAV_LINK)) {
                if (call.args().size() > labelIndex) {
                    I18nSources.stringLiteral(call.args().get(labelIndex)).ifPresent(key -> usages.add(
                            new Usage(key, source.at(call.offset()), 0)));
                }
            }
            Matcher annotation = ANNOTATION_MESSAGE.matcher(source.text());
            while (annotation.find()) {
                String message = I18nSources.stringLiteral(annotation.group(1)).orElseThrow();
                if (message.matches("\\{[^{}]+}")) {
                    usages.add(new Usage(message.substring(1, message.length() - 1), source.at(annotation.start()),
                            Usage.UNKNOWN));
                }
            }
        }
        // Any other literal in a namespace the bundles use (such as the keys ErrorPage picks by status).
        Set<String> namespaces = english.messages().keySet().stream()
                .filter(key -> key.contains("."))
                .map(key -> key.substring(0, key.indexOf('.')))
                .collect(Collectors.toSet());
        Set<String> alreadyFound = usages.stream().map(Usage::key).collect(Collectors.toSet());
        for (Source source : sources) {
            Matcher literal = KEY_SHAPED.matcher(source.text());
            while (literal.find()) {
                String key = literal.group(1);
                if (namespaces.contains(key.substring(0, key.indexOf('.'))) && !alreadyFound.contains(key)) {
                    usages.add(new Usage(key, source.at(literal.start()), Usage.UNKNOWN));
                }
            }
        }
        return usages;
    }

    /**
     * Finds every subclass of DomainException in the sources and, for each {@code new X(…)}, takes the argument in
     * the position of the constructor parameter named {@code messageKey}.
     */
    private static void exceptionKeys(List<Source> sources, List<Usage> usages) {
        Map<String, Source> subclasses = new LinkedHashMap<>();
        Set<String> parents = new LinkedHashSet<>(Set.of(DomainException.class.getSimpleName()));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Source source : sources) {
                Matcher matcher = SUBCLASS.matcher(source.text());
                while (matcher.find()) {
                    if (parents.contains(matcher.group(2)) && parents.add(matcher.group(1))) {
                        subclasses.put(matcher.group(1), source);
                        grew = true;
                    }
                }
            }
        }
        assertThat(subclasses).as("DomainException subclasses").isNotEmpty();
        subclasses.forEach((name, declaring) -> {
            Pattern declaration = Pattern.compile("(?m)^\\s*(?:(?:public|protected|private)\\s+)?" + name + "\\s*\\(");
            Pattern construction = Pattern.compile("\\bnew\\s+" + name + "\\s*\\(");
            List<List<String>> constructors = I18nSources.calls(declaring.text(), declaration).stream()
                    .map(Call::args)
                    .toList();
            assertThat(constructors).as("constructors of %s in %s", name, declaring.name()).isNotEmpty();
            for (List<String> parameters : constructors) {
                int keyIndex = indexOfParameter(parameters, "messageKey");
                assertThat(keyIndex).as("%s: every constructor of a DomainException takes a String messageKey "
                        + "(parameters %s)", declaring.name(), parameters).isNotNegative();
                boolean varargs = parameters.size() > keyIndex + 1
                        && parameters.get(keyIndex + 1).matches("Object\\s*\\.\\.\\.\\s*\\w+");
                for (Source source : sources) {
                    for (Call call : I18nSources.calls(source.text(), construction)) {
                        if (!matchesArity(call.args().size(), parameters.size(), varargs)) {
                            continue;
                        }
                        int args = varargs ? call.args().size() - keyIndex - 1 : 0;
                        I18nSources.stringLiteral(call.args().get(keyIndex)).ifPresent(key -> usages.add(
                                new Usage(key, source.at(call.offset()), args)));
                    }
                }
            }
        });
    }

    private static boolean matchesArity(int arguments, int parameters, boolean varargs) {
        return varargs ? arguments >= parameters - 1 : arguments == parameters;
    }

    private static int indexOfParameter(List<String> parameters, String name) {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).matches("(?:final\\s+)?String\\s+" + name)) {
                return i;
            }
        }
        return -1;
    }

    /** getMessage(key, args, locale) or getMessage(key, args, default, locale): how many arguments, if known. */
    private static int getMessageArgs(List<String> args) {
        if (args.size() < 3) {
            return Usage.UNKNOWN;
        }
        String array = args.get(1).trim();
        if (array.equals("null")) {
            return 0;
        }
        Matcher literal = Pattern.compile("new\\s+Object\\s*\\[\\s*]\\s*\\{(.*)}", Pattern.DOTALL).matcher(array);
        if (!literal.matches()) {
            return Usage.UNKNOWN;
        }
        List<Call> elements = I18nSources.calls("(" + literal.group(1) + ")", Pattern.compile("^\\("));
        return elements.get(0).args().size();
    }

    private static int navLinkLabelIndex() {
        RecordComponent[] components = NavLink.class.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals("labelKey")) {
                return i;
            }
        }
        throw new AssertionError("NavLink has no labelKey component");
    }

    /** How many arguments a MessageFormat pattern reads: one more than its highest index. */
    private static int argumentCount(String value) {
        int highest = -1;
        Matcher matcher = INDEXED.matcher(value);
        while (matcher.find()) {
            highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
        }
        return highest + 1;
    }

    /** {@code "role." + role.name()} gives {@code role.}. */
    private static Optional<String> literalPrefix(String expression) {
        Matcher matcher = Pattern.compile("^\\s*(\"(?:[^\"\\\\]|\\\\.)*\")\\s*\\+").matcher(expression);
        return matcher.find() ? I18nSources.stringLiteral(matcher.group(1)) : Optional.empty();
    }

    private static String blankJteComments(String text) {
        char[] out = text.toCharArray();
        int start = text.indexOf("<%--");
        while (start >= 0) {
            int end = text.indexOf("--%>", start);
            end = end < 0 ? text.length() : end + 4;
            I18nSources.blank(out, start, end);
            start = text.indexOf("<%--", end);
        }
        return new String(out);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    @SuppressWarnings("unchecked")
    private static Collection<String> profileNotices() {
        try {
            Field notices = ProfileController.class.getDeclaredField("NOTICES");
            notices.setAccessible(true);
            return List.copyOf((Set<String>) notices.get(null));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("ProfileController.NOTICES lists the profile.saved.* notices", e);
        }
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
