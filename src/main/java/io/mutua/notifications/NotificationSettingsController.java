package io.mutua.notifications;

import io.mutua.identity.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A seller's notification settings: a mode per group, their time zone, and a mode for any plan they work on. */
@Controller
public class NotificationSettingsController {

    static final String PATH = "/settings/notifications";

    private final SettingsPages pages;
    private final JdbcClient jdbc;

    NotificationSettingsController(SettingsPages pages, JdbcClient jdbc) {
        this.pages = pages;
        this.jdbc = jdbc;
    }

    @GetMapping(PATH)
    String show(Viewer viewer, @RequestParam(required = false) String saved, Model model) {
        return pages.show(viewer.email(), false, PATH, plans(viewer), saved != null, model);
    }

    @PostMapping(PATH)
    String save(Viewer viewer, @RequestParam Map<String, String> params, HttpServletRequest request,
            HttpServletResponse response, Locale locale, Model model) {
        return pages.save(viewer.email(), false, PATH, plans(viewer), params, request, response, locale, model);
    }

    /** The plans of the seller's deals and those they take part in. */
    private List<SettingsPages.PlanChoice> plans(Viewer viewer) {
        return jdbc.sql("select p.id, d.name from plan p join deal d on d.id = p.deal_id where d.owner_id = :user "
                        + "or exists (select 1 from participant x where x.plan_id = p.id and x.user_id = :user "
                        + "and x.revoked_at is null) order by d.name, p.kind")
                .param("user", viewer.userId())
                .query((rs, n) -> new SettingsPages.PlanChoice(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
    }
}
