package io.mutua.plans;

import io.mutua.playbooks.Side;
import io.mutua.web.FormErrors;
import java.util.List;
import java.util.UUID;

/**
 * The signatures panel of a mutual action plan, the same on the seller's and the buyer's page: the required signers,
 * every signature as verified now, the sign form for a signer who has not signed (yet, or again), what changed since
 * the plan was signed, and the revisions with a comparison. Sellers who may change the plan also choose the signers
 * and save revisions. {@code basePath} is {@code /plans/{id}} or {@code /b/plans/{id}}; {@code notice} is a
 * confirmation already in the reader's language; {@code refreshStatus} makes an htmx answer update the plan's status
 * badge too.
 */
public record SignaturePanel(SigningState state, String basePath, boolean buyer, SignerView signer,
        boolean signedByMe, SignForm form, FormErrors errors, boolean canManage, FormErrors signersErrors,
        String notice, boolean refreshStatus) {

    public static final String PANEL_ID = "signatures";
    public static final String STATUS_ID = "plan-status";

    /** The panel for a seller; {@code viewerId} signs when they are the required seller signer. */
    static SignaturePanel forSeller(SigningState state, UUID planId, UUID viewerId, boolean canChange, SignForm form,
            FormErrors errors, FormErrors signersErrors, String notice, boolean refreshStatus) {
        SignerView me = state.certificate().requiredSigners().stream()
                .filter(signer -> signer.side() == Side.SELLER && viewerId.equals(signer.userId()))
                .findFirst().orElse(null);
        return of(state, "/plans/" + planId, false, me, form, errors, canChange && state.open(), signersErrors,
                notice, refreshStatus);
    }

    /** The panel for a buyer participant; they sign when they are one of the required buyer signers. */
    public static SignaturePanel forBuyer(SigningState state, UUID planId, UUID participantId, SignForm form,
            FormErrors errors, String notice, boolean refreshStatus) {
        SignerView me = state.certificate().requiredSigners().stream()
                .filter(signer -> signer.side() == Side.BUYER && participantId.equals(signer.participantId()))
                .findFirst().orElse(null);
        return of(state, "/b/plans/" + planId, true, me, form, errors, false, FormErrors.none(), notice,
                refreshStatus);
    }

    private static SignaturePanel of(SigningState state, String basePath, boolean buyer, SignerView me, SignForm form,
            FormErrors errors, boolean canManage, FormErrors signersErrors, String notice, boolean refreshStatus) {
        boolean signed = me != null && state.certificate().validSignatureOf(me) != null;
        SignerView signer = me != null && !signed && state.open() ? me : null;
        SignForm shown = form != null ? form : SignForm.blank(signer);
        return new SignaturePanel(state, basePath, buyer, signer, signed, shown, errors, canManage, signersErrors,
                notice, refreshStatus);
    }

    public SignatureCertificate certificate() {
        return state.certificate();
    }

    public String panelId() {
        return PANEL_ID;
    }

    public String panelTarget() {
        return "#" + PANEL_ID;
    }

    public String statusId() {
        return STATUS_ID;
    }

    public String signaturesPath() {
        return basePath + "/signatures";
    }

    public String signersPath() {
        return basePath + "/signers";
    }

    public String revisionsPath() {
        return basePath + "/revisions";
    }

    public String comparePath() {
        return basePath + "/revisions/compare";
    }

    public String diffPath(int from, int to) {
        return basePath + "/revisions/" + from + "/diff/" + to;
    }

    public boolean canSign() {
        return signer != null;
    }

    /** No buyer is required yet: nobody is the buyer's main contact and no buyer was chosen. */
    public boolean missingBuyerSigner() {
        return certificate().requiredSigners().stream().noneMatch(signer -> signer.side() == Side.BUYER);
    }

    public boolean missingSellerSigner() {
        return certificate().requiredSigners().stream().noneMatch(signer -> signer.side() == Side.SELLER);
    }

    public SignerView sellerSigner() {
        return certificate().requiredSigners().stream().filter(signer -> signer.side() == Side.SELLER).findFirst()
                .orElse(null);
    }

    public boolean requiredBuyer(SignerView person) {
        return certificate().requiredSigners().stream()
                .anyMatch(signer -> signer.participantId().equals(person.participantId()));
    }

    public long signersVersion() {
        return state.signersVersion();
    }

    /** The revisions to compare by default: the one before the latest, and the latest. */
    public int compareFrom() {
        List<RevisionView> revisions = state.revisions();
        return revisions.size() > 1 ? revisions.get(1).number() : revisions.isEmpty() ? 0 : revisions.get(0).number();
    }

    public int compareTo() {
        return state.revisions().isEmpty() ? 0 : state.revisions().get(0).number();
    }
}
