package io.mutua.web;

import jakarta.servlet.http.HttpServletRequest;

/** The htmx request headers the controllers branch on. */
public final class Htmx {

    public static final String REQUEST_HEADER = "HX-Request";

    private Htmx() {
    }

    /** True for a request htmx made, which wants a fragment rather than the whole page. */
    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader(REQUEST_HEADER))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"));
    }
}
