package io.mutua.integration;

import io.mutua.collaboration.BuyerAccess;
import io.mutua.deals.DealService;
import io.mutua.identity.Viewer;
import io.mutua.plans.BuyerPlans;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A plan as CSV or XLSX for whoever asks, under the same rules as its page: sellers who see the deal get the shared
 * steps, or everything with {@code internal}; buyers get what {@link BuyerPlans} shows them, after
 * {@link BuyerAccess} has let them in.
 */
@Service
@Transactional(readOnly = true)
class SpreadsheetExports {

    private static final int MAX_FILE_NAME = 120;

    private final PlanService plans;
    private final BuyerPlans buyerPlans;
    private final BuyerAccess buyers;
    private final DealService deals;
    private final MessageSource messages;
    private final Clock clock;

    SpreadsheetExports(PlanService plans, BuyerPlans buyerPlans, BuyerAccess buyers, DealService deals,
            MessageSource messages, Clock clock) {
        this.plans = plans;
        this.buyerPlans = buyerPlans;
        this.buyers = buyers;
        this.deals = deals;
        this.messages = messages;
        this.clock = clock;
    }

    ExportFile forSeller(Viewer viewer, UUID planId, boolean internal, SheetFormat format, Locale locale) {
        PlanView plan = plans.get(viewer, planId);
        String account = deals.get(viewer, plan.dealId()).account();
        PlanSheet sheet = PlanSheet.of(plan, account, internal ? PlanSheet.Reader.SELLER_INTERNAL
                : PlanSheet.Reader.SELLER_SHARED, clock.getZone());
        return file(plan, sheet, format, locale);
    }

    ExportFile forBuyer(String email, UUID planId, SheetFormat format, Locale locale) {
        buyers.participant(email, planId);
        PlanView plan = buyerPlans.view(planId);
        // A buyer's view of a plan carries the account where sellers see the deal's name.
        PlanSheet sheet = PlanSheet.of(plan, plan.dealName(), PlanSheet.Reader.BUYER, clock.getZone());
        return file(plan, sheet, format, locale);
    }

    private ExportFile file(PlanView plan, PlanSheet sheet, SheetFormat format, Locale locale) {
        String name = messages.getMessage(plan.mutual() ? "spreadsheet.fileName.mutual" : "spreadsheet.fileName.closing",
                new Object[] {safe(sheet.account())}, locale);
        return new ExportFile(name + "." + format.extension(), format.contentType(), format.write(sheet));
    }

    /** The account as part of a file name: without characters file systems refuse, and not too long. */
    static String safe(String account) {
        String cleaned = account == null ? "" : account.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]+", " ")
                .replaceAll("\\s+", " ").strip();
        return cleaned.length() > MAX_FILE_NAME ? cleaned.substring(0, MAX_FILE_NAME).strip() : cleaned;
    }
}
