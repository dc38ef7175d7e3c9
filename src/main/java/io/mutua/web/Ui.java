package io.mutua.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * Everything a page template needs besides its own data: messages in the reader's language, formatting,
 * the CSRF token, who is signed in and the navigation. Every page receives it as {@code @param Ui ui}.
 */
public final class Ui {

    public static final String MODEL_ATTRIBUTE = "ui";

    private final MessageSource messages;
    private final Locale locale;
    private final ZoneId zone;
    private final CsrfToken csrf;
    private final String userName;
    private final Set<String> roles;
    private final String path;
    private final String here;
    private final List<NavLink> nav;
    private final Function<String, String> assets;

    Ui(MessageSource messages, Locale locale, ZoneId zone, CsrfToken csrf, String userName, Set<String> roles,
            String path, String here, List<NavLink> nav, Function<String, String> assets) {
        this.messages = messages;
        this.locale = locale;
        this.zone = zone;
        this.csrf = csrf;
        this.userName = userName;
        this.roles = roles;
        this.path = path;
        this.here = here;
        this.nav = nav;
        this.assets = assets;
    }

    /** The message for {@code key} in the reader's language. */
    public String t(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /**
     * The address of a static file or webjar with its content hash or version in it, so that browsers can keep
     * it for a year and still get the new one after an upgrade.
     */
    public String asset(String path) {
        return assets.apply(path);
    }

    public String lang() {
        return locale.getLanguage();
    }

    public Locale locale() {
        return locale;
    }

    public boolean signedIn() {
        return userName != null;
    }

    public String userName() {
        return userName;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** A buyer signed in by magic link, not a member of the sales team. */
    public boolean buyer() {
        return roles.contains(SecurityConfiguration.BUYER);
    }

    public String signOutPath() {
        return buyer() ? Paths.BUYER_SIGN_OUT : Paths.LOGOUT;
    }

    /** The current address with its query, for "come back here" links. */
    public String here() {
        return here;
    }

    public List<NavLink> nav() {
        return nav;
    }

    public boolean isCurrent(NavLink link) {
        return path.equals(link.path()) || path.startsWith(link.path() + "/");
    }

    public String csrfParameter() {
        return csrf == null ? "_csrf" : csrf.getParameterName();
    }

    public String csrfToken() {
        return csrf == null ? "" : csrf.getToken();
    }

    /** The {@code hx-headers} value that makes every htmx request carry the CSRF token. */
    public String htmxHeaders() {
        return csrf == null ? "{}" : "{\"" + csrf.getHeaderName() + "\": \"" + csrf.getToken() + "\"}";
    }

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).format(instant.atZone(zone));
    }

    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(currency));
        return format.format(amount);
    }
}
