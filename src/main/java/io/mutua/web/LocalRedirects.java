package io.mutua.web;

/** Guards redirect targets taken from requests: only paths on this site, never another origin. */
public final class LocalRedirects {

    private LocalRedirects() {
    }

    public static String safe(String target) {
        if (target == null || !target.startsWith("/") || target.startsWith("//") || target.contains("\\")
                || target.contains("\r") || target.contains("\n")) {
            return "/";
        }
        return target;
    }
}
