package io.mutua.plans;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a signature came from: the client's address (the proxy's, unless forward headers are configured, see the
 * README) and its user agent.
 */
public record SignatureOrigin(String ip, String userAgent) {

    public static SignatureOrigin of(HttpServletRequest request) {
        return new SignatureOrigin(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
