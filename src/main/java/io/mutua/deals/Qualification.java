package io.mutua.deals;

import io.mutua.identity.Role;
import io.mutua.identity.UserSummary;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.web.ForbiddenException;
import io.mutua.web.InvalidInputException;
import io.mutua.web.StaleVersionException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * MEDDPICC qualification of deals: seller-only knowledge that decides when a closing plan may become a mutual
 * action plan. Elements nobody assessed are UNKNOWN; each assessed element carries its own version.
 */
@Service
@Transactional
public class Qualification {

    static final int MAX_NOTES = 5_000;
    static final int MAX_NAME = 200;
    private static final int BATCH = 5_000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final DealService deals;
    private final Users users;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Qualification(DealService deals, Users users, JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.deals = deals;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** The card of a deal the viewer may see: every element, in MEDDPICC order. */
    @Transactional(readOnly = true)
    public List<QualificationItem> card(Viewer viewer, DealId dealId) {
        deals.get(viewer, dealId);
        return card(dealId);
    }

    /** The required elements not yet confirmed: what stands between the deal and a mutual action plan. */
    @Transactional(readOnly = true)
    public List<MeddpiccElement> missingForConversion(DealId dealId) {
        return card(dealId).stream().filter(QualificationItem::missing).map(QualificationItem::element).toList();
    }

    public QualificationItem update(Viewer viewer, DealId dealId, MeddpiccElement element, QualificationChange change,
            long expectedVersion) {
        DealView deal = deals.get(viewer, dealId);
        if (!deals.canChange(viewer, deal)) {
            throw new ForbiddenException("deals.mayNotChange");
        }
        if (change.status() == null) {
            throw new InvalidInputException("status", "validation.required");
        }
        String notes = trimmed(change.notes());
        if (notes != null && notes.length() > MAX_NOTES) {
            throw new InvalidInputException("notes", "validation.maxLength", MAX_NOTES);
        }
        String contactName = trimmed(change.contactName());
        if (contactName != null && contactName.length() > MAX_NAME) {
            throw new InvalidInputException("contactName", "validation.maxLength", MAX_NAME);
        }
        String contactEmail = trimmed(change.contactEmail());
        if (contactEmail != null && (contactEmail.length() > 254 || !EMAIL.matcher(contactEmail).matches())) {
            throw new InvalidInputException("contactEmail", "validation.email");
        }
        if (!element.person() && (contactName != null || contactEmail != null)) {
            throw new InvalidInputException("contactEmail", "qualification.notAPerson");
        }
        Instant now = clock.instant();
        int changed = expectedVersion == 0
                ? jdbc.sql("insert into qualification (deal_id, element, status, notes, contact_name, contact_email, "
                                + "updated_at, updated_by, version) values (:deal, :element, :status, :notes, :name, "
                                + ":email, :now, :actor, 1) on conflict (deal_id, element) do nothing")
                        .params(params(dealId, element, change.status(), notes, contactName, contactEmail, now,
                                viewer.userId()))
                        .update()
                : jdbc.sql("update qualification set status = :status, notes = :notes, contact_name = :name, "
                                + "contact_email = :email, updated_at = :now, updated_by = :actor, version = version + 1 "
                                + "where deal_id = :deal and element = :element and version = :version")
                        .params(params(dealId, element, change.status(), notes, contactName, contactEmail, now,
                                viewer.userId()))
                        .param("version", expectedVersion)
                        .update();
        QualificationItem saved = item(dealId, element);
        if (changed == 0) {
            throw new StaleVersionException("qualification.stale", saved.version());
        }
        events.publishEvent(new QualificationChanged(dealId, element, now));
        return saved;
    }

    /** The elements that must be confirmed before conversion. */
    @Transactional(readOnly = true)
    public Set<MeddpiccElement> requirements() {
        return jdbc.sql("select element from qualification_requirement where required")
                .query((rs, n) -> MeddpiccElement.valueOf(rs.getString("element")))
                .set();
    }

    /**
     * The required elements not confirmed yet of each of the given deals (deals missing none are left out), in
     * MEDDPICC order; for system work such as the forecast, one query per few thousand deals, no access check.
     */
    @Transactional(readOnly = true)
    public Map<UUID, List<MeddpiccElement>> missingRequired(Collection<UUID> dealIds) {
        Map<UUID, List<MeddpiccElement>> missing = new HashMap<>();
        List<UUID> ids = List.copyOf(dealIds);
        for (int from = 0; from < ids.size(); from += BATCH) {
            jdbc.sql("select d.id, r.element from deal d cross join qualification_requirement r "
                            + "left join qualification q on q.deal_id = d.id and q.element = r.element "
                            + "where r.required and (q.status is null or q.status <> 'CONFIRMED') and d.id in (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + BATCH)))
                    .query(rs -> {
                        missing.computeIfAbsent(rs.getObject("id", UUID.class), id -> new ArrayList<>())
                                .add(MeddpiccElement.valueOf(rs.getString("element")));
                    });
        }
        missing.values().forEach(elements -> elements.sort(null));
        return missing;
    }

    /** Sets which elements must be confirmed (admins). */
    public void require(Viewer viewer, Set<MeddpiccElement> required) {
        if (!viewer.is(Role.ADMIN)) {
            throw new ForbiddenException("error.forbidden");
        }
        for (MeddpiccElement element : MeddpiccElement.values()) {
            jdbc.sql("update qualification_requirement set required = :required, version = version + 1 "
                            + "where element = :element and required <> :required")
                    .param("required", required.contains(element))
                    .param("element", element.name())
                    .update();
        }
    }

    private List<QualificationItem> card(DealId dealId) {
        Set<MeddpiccElement> required = requirements();
        Map<MeddpiccElement, QualificationItem> assessed = new EnumMap<>(MeddpiccElement.class);
        jdbc.sql("select * from qualification where deal_id = :deal")
                .param("deal", dealId.value())
                .query(rs -> {
                    MeddpiccElement element = MeddpiccElement.valueOf(rs.getString("element"));
                    assessed.put(element, new QualificationItem(element,
                            QualificationStatus.valueOf(rs.getString("status")), rs.getString("notes"),
                            rs.getString("contact_name"), rs.getString("contact_email"), required.contains(element),
                            rs.getTimestamp("updated_at").toInstant(), rs.getObject("updated_by", UUID.class), null,
                            rs.getLong("version")));
                });
        Map<UUID, UserSummary> people = users.byIds(assessed.values().stream().map(QualificationItem::updatedBy)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return Arrays.stream(MeddpiccElement.values())
                .map(element -> {
                    QualificationItem item = assessed.get(element);
                    if (item == null) {
                        return new QualificationItem(element, QualificationStatus.UNKNOWN, null, null, null,
                                required.contains(element), null, null, null, 0);
                    }
                    UserSummary by = item.updatedBy() == null ? null : people.get(item.updatedBy());
                    return new QualificationItem(element, item.status(), item.notes(), item.contactName(),
                            item.contactEmail(), item.required(), item.updatedAt(), item.updatedBy(),
                            by == null ? null : by.name(), item.version());
                })
                .toList();
    }

    private QualificationItem item(DealId dealId, MeddpiccElement element) {
        return card(dealId).stream().filter(item -> item.element() == element).findFirst().orElseThrow();
    }

    private static Map<String, Object> params(DealId dealId, MeddpiccElement element, QualificationStatus status,
            String notes, String name, String email, Instant now, UUID actor) {
        Map<String, Object> params = new HashMap<>();
        params.put("deal", dealId.value());
        params.put("element", element.name());
        params.put("status", status.name());
        params.put("notes", notes);
        params.put("name", name);
        params.put("email", email);
        params.put("now", Timestamp.from(now));
        params.put("actor", actor);
        return params;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
