package io.mutua.forecasting;

import io.mutua.forecasting.Forecast.Slip;
import io.mutua.forecasting.ForecastQueries.AtRiskPage;
import io.mutua.forecasting.ForecastQueries.Move;
import io.mutua.identity.Viewer;
import io.mutua.plans.BusinessCalendar;
import io.mutua.plans.Holidays;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The forecast a viewer may see: pipeline by month, health, deals at risk and the ones that slipped most. */
@Service
class Forecasts {

    static final int AT_RISK_SHOWN = 100;
    static final int SLIPPED_SHOWN = 10;
    private static final int SLIP_CANDIDATES = 500;

    private final ForecastScopes scopes;
    private final ForecastQueries queries;
    private final Holidays holidays;
    private final Clock clock;

    Forecasts(ForecastScopes scopes, ForecastQueries queries, Holidays holidays, Clock clock) {
        this.scopes = scopes;
        this.queries = queries;
        this.holidays = holidays;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Forecast forecast(Viewer viewer, UUID team, UUID owner) {
        ForecastFilter filter = scopes.filter(viewer, team, owner);
        LocalDate today = LocalDate.now(clock);
        AtRiskPage atRisk = queries.atRisk(filter, AT_RISK_SHOWN);
        return new Forecast(today, queries.figures(filter, today), queries.healthCounts(filter), atRisk.deals(),
                atRisk.total(), slipped(filter, today));
    }

    /**
     * The moves ranked by business days. The query ranks by calendar days, which are never fewer than business
     * days, so once a move spans fewer calendar days than the tenth best in business days, none further can rank.
     */
    private List<Slip> slipped(ForecastFilter filter, LocalDate today) {
        BusinessCalendar calendar = holidays.calendar();
        List<Slip> best = new ArrayList<>();
        Comparator<Slip> ranking = Comparator.comparingInt(Slip::businessDays).reversed();
        for (Move move : queries.movedLater(filter, today.withDayOfMonth(1), SLIP_CANDIDATES)) {
            long calendarDays = ChronoUnit.DAYS.between(move.from(), move.to());
            if (best.size() == SLIPPED_SHOWN && calendarDays < best.get(SLIPPED_SHOWN - 1).businessDays()) {
                break;
            }
            best.add(new Slip(move.dealId(), move.name(), move.from(), move.to(),
                    calendar.businessDaysBetween(move.from(), move.to())));
            best.sort(ranking);
            if (best.size() > SLIPPED_SHOWN) {
                best.remove(SLIPPED_SHOWN);
            }
        }
        return List.copyOf(best);
    }
}
