package io.mutua.integration;

import io.mutua.plans.Audience;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Where a plan's PDF gets its signature certificate. {@code audience} is who the document is for: BUYER for every
 * document without internal items, SELLER for the sales team's internal copy.
 */
@Component
class PdfCertificates {

    Certificate certificate(UUID planId, Audience audience) {
        return Certificate.notSignedYet();
    }
}
