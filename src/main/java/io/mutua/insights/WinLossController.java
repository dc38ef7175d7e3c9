package io.mutua.insights;

import io.mutua.identity.Viewer;
import io.mutua.insights.WinLossAnalysis.Choices;
import io.mutua.insights.WinLossAnalysis.Criteria;
import io.mutua.insights.WinLossTables.Table;
import io.mutua.web.Htmx;
import io.mutua.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The win-loss page for managers and admins: filters, and each table with its chart and its CSV download. */
@Controller
public class WinLossController {

    static final String PATH = "/insights/win-loss";
    public static final String BODY_ID = "win-loss-body";

    private final WinLossAnalysis analysis;
    private final WinLossTables tables;

    WinLossController(WinLossAnalysis analysis, WinLossTables tables) {
        this.analysis = analysis;
        this.tables = tables;
    }

    public record Choice(String id, String name, boolean selected) {
    }

    public record Filters(String from, String to, List<Choice> teams, List<Choice> owners, List<Choice> playbooks,
            List<Choice> segments) {
    }

    /** {@code query}: the filters as a query string, to which each CSV link adds its table. */
    public record WinLossPage(Filters filters, List<Table> tables, String query, long deals) {

        public String csv(Table table) {
            return PATH + "?" + query + (query.isEmpty() ? "" : "&") + "format=csv&table=" + table.name();
        }
    }

    @GetMapping(PATH)
    String show(Viewer viewer, Locale locale, @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE)
            LocalDate from, @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID team, @RequestParam(required = false) UUID owner,
            @RequestParam(required = false) UUID playbook, @RequestParam(required = false) String segment,
            HttpServletRequest request, Model model) {
        Criteria criteria = new Criteria(from, to, team, owner, playbook, segment);
        WinLossReport report = analysis.report(viewer, criteria);
        Choices choices = analysis.choices(viewer, team);
        Filters filters = new Filters(report.from().toString(), report.to().toString(),
                options(choices.teams(), team), options(choices.owners(), owner), options(choices.playbooks(), playbook),
                choices.segments().stream().map(s -> new Choice(s, s, s.equals(criteria.segment()))).toList());
        model.addAttribute("page", new WinLossPage(filters, tables.tables(report, locale),
                query(report, criteria), report.total().total()));
        return Htmx.isHtmx(request) ? "insights/win-loss-body" : "insights/win-loss";
    }

    @GetMapping(value = PATH, params = "format=csv")
    ResponseEntity<byte[]> csv(Viewer viewer, Locale locale, @RequestParam String table,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID team, @RequestParam(required = false) UUID owner,
            @RequestParam(required = false) UUID playbook, @RequestParam(required = false) String segment) {
        WinLossReport report = analysis.report(viewer, new Criteria(from, to, team, owner, playbook, segment));
        Table chosen = tables.tables(report, locale).stream().filter(t -> t.name().equals(table)).findFirst()
                .orElseThrow(() -> new NotFoundException("winLoss.noSuchTable"));
        String fileName = "win-loss-" + table + "-" + report.from() + "-" + report.to() + ".csv";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, WinLossCsv.CONTENT_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(WinLossCsv.write(chosen));
    }

    private static List<Choice> options(List<WinLossAnalysis.Option> options, UUID selected) {
        return options.stream().map(o -> new Choice(o.id().toString(), o.name(), o.id().equals(selected))).toList();
    }

    private static String query(WinLossReport report, Criteria criteria) {
        List<String> parts = new ArrayList<>();
        parts.add("from=" + report.from());
        parts.add("to=" + report.to());
        add(parts, "team", criteria.team());
        add(parts, "owner", criteria.owner());
        add(parts, "playbook", criteria.playbook());
        add(parts, "segment", criteria.segment());
        return String.join("&", parts);
    }

    private static void add(List<String> parts, String name, Object value) {
        if (value != null) {
            parts.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
    }
}
