package io.mutua.notifications;

import io.mutua.web.DomainException;
import io.mutua.web.FormErrors;
import io.mutua.web.Htmx;
import io.mutua.web.StaleVersionException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The notification settings page of sellers and buyers alike: shows a person's choices and saves them over the
 * version they read. A stale save changes nothing and shows the person's input beside what is saved now.
 */
@Component
public class SettingsPages {

    static final String PAGE = "notifications/settings";
    static final String FORM = "notifications/settings-form";
    static final String FOLLOW = "DEFAULT";
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
            .sorted().toList();

    private final Preferences preferences;
    private final MessageSource messages;

    SettingsPages(Preferences preferences, MessageSource messages) {
        this.preferences = preferences;
        this.messages = messages;
    }

    /** A plan the person may give its own mode: its id and the name people know it by. */
    record PlanChoice(UUID id, String name) {
    }

    String show(String email, boolean buyer, String action, List<PlanChoice> plans, boolean saved, Model model) {
        NotificationSettings current = preferences.settings(email, buyer);
        model.addAttribute("page", page(action, plans, current, current, FormErrors.none(), saved, false));
        return PAGE;
    }

    String save(String email, boolean buyer, String action, List<PlanChoice> plans, Map<String, String> params,
            HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        Map<KindGroup, Mode> groups = new EnumMap<>(KindGroup.class);
        for (KindGroup group : KindGroup.values()) {
            Mode mode = mode(params.get("group." + group.name()), null);
            if (mode != null) {
                groups.put(group, mode);
            }
        }
        Map<UUID, Mode> planModes = new HashMap<>();
        for (PlanChoice plan : plans) {
            String value = params.get("plan." + plan.id());
            if (value != null) {
                planModes.put(plan.id(), FOLLOW.equals(value) ? null : mode(value, null));
            }
        }
        String zone = params.getOrDefault("timeZone", "");
        long version = parseVersion(params.get("version"));
        try {
            preferences.save(email, groups, planModes, zone, version);
        } catch (DomainException e) {
            NotificationSettings current = preferences.settings(email, buyer);
            Map<KindGroup, Mode> shown = new EnumMap<>(current.groups());
            shown.putAll(groups);
            NotificationSettings input = new NotificationSettings(shown, shownPlans(current.plans(), planModes),
                    validZone(zone, current.zone()), current.version());
            response.setStatus(e instanceof StaleVersionException ? HttpServletResponse.SC_CONFLICT : 422);
            model.addAttribute("page", page(action, plans, input, current,
                    FormErrors.none().with(e, messages, locale), false, e instanceof StaleVersionException));
            return Htmx.isHtmx(request) ? FORM : PAGE;
        }
        if (Htmx.isHtmx(request)) {
            NotificationSettings current = preferences.settings(email, buyer);
            model.addAttribute("page", page(action, plans, current, current, FormErrors.none(), true, false));
            return FORM;
        }
        return "redirect:" + action + "?saved=true";
    }

    private static SettingsPage page(String action, List<PlanChoice> plans, NotificationSettings shown,
            NotificationSettings saved, FormErrors errors, boolean done, boolean stale) {
        List<GroupRow> groups = Arrays.stream(KindGroup.values())
                .map(group -> new GroupRow(group, shown.group(group), saved.group(group))).toList();
        List<PlanRow> rows = plans.stream()
                .map(plan -> new PlanRow(plan.id(), plan.name(), shown.plan(plan.id()), saved.plan(plan.id())))
                .toList();
        return new SettingsPage(action, groups, rows, shown.zone().getId(), saved.zone().getId(), ZONES,
                saved.version(), errors, done, stale);
    }

    /** The plans' modes as saved, with the person's input over them (null: follows the groups). */
    private static Map<UUID, Mode> shownPlans(Map<UUID, Mode> saved, Map<UUID, Mode> input) {
        Map<UUID, Mode> shown = new HashMap<>(saved);
        input.forEach((id, mode) -> {
            if (mode == null) {
                shown.remove(id);
            } else {
                shown.put(id, mode);
            }
        });
        return shown;
    }

    private static Mode mode(String value, Mode fallback) {
        return Arrays.stream(Mode.values()).filter(mode -> mode.name().equals(value)).findFirst().orElse(fallback);
    }

    private static long parseVersion(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static ZoneId validZone(String zone, ZoneId fallback) {
        try {
            return ZoneId.of(zone);
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    /** One group: the mode shown (the person's input after a failed save) and the one saved now. */
    public record GroupRow(KindGroup group, Mode mode, Mode saved) {
    }

    /** One plan: its own mode (null: follows the groups), shown and saved. */
    public record PlanRow(UUID id, String name, Mode mode, Mode saved) {

        public String value() {
            return mode == null ? FOLLOW : mode.name();
        }

        public boolean changedElsewhere() {
            return mode != saved;
        }
    }

    public record SettingsPage(String action, List<GroupRow> groups, List<PlanRow> plans, String timeZone,
            String savedTimeZone, List<String> zones, long version, FormErrors errors, boolean saved,
            boolean stale) {

        public List<Mode> modes() {
            return List.of(Mode.values());
        }
    }
}
