package io.mutua.integration;

import io.mutua.plans.PlanSignatures;
import io.mutua.plans.PlanView;
import io.mutua.plans.SignatureCertificate;
import io.mutua.plans.SignatureView;
import org.springframework.stereotype.Component;

/**
 * The signature certificate that ends a plan's PDF, as the signatures are verified at the moment of printing. Only
 * shared content is ever signed, so one certificate fits every copy; a closing plan has none yet.
 */
@Component
class PdfCertificates {

    private final PlanSignatures signatures;

    PdfCertificates(PlanSignatures signatures) {
        this.signatures = signatures;
    }

    /** The caller has checked that its reader may see the plan. */
    Certificate certificate(PlanView plan) {
        if (!plan.mutual()) {
            return Certificate.notSignedYet();
        }
        SignatureCertificate verified = signatures.certificate(plan.id());
        return new Certificate(verified.latestRevision(), verified.contentHash(),
                verified.signatures().stream().map(PdfCertificates::line).toList());
    }

    private static CertificateLine line(SignatureView signature) {
        return new CertificateLine(signature.side(), signature.name(), signature.title(), signature.signedAt(),
                signature.ip(), signature.userAgent(), signature.revision(), signature.contentHash(),
                signature.status());
    }
}
