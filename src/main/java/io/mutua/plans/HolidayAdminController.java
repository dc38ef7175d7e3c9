package io.mutua.plans;

import io.mutua.web.DomainException;
import io.mutua.web.FormErrors;
import io.mutua.web.Paths;
import io.mutua.web.StorableText;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin's page for the business-day calendar: the holidays on which no plan work is scheduled. */
@Controller
public class HolidayAdminController {

    static final String PATH = Paths.ADMIN + "/calendar";

    private final Holidays holidays;
    private final MessageSource messages;
    private final Clock clock;

    HolidayAdminController(Holidays holidays, MessageSource messages, Clock clock) {
        this.holidays = holidays;
        this.messages = messages;
        this.clock = clock;
    }

    public record HolidayForm(
            @NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @NotBlank(message = "{validation.required}") @Size(max = Holidays.MAX_NAME, message = "{validation.size}")
            @StorableText String name) {

        static HolidayForm empty() {
            return new HolidayForm(null, "");
        }

        public String dayValue() {
            return day == null ? "" : day.toString();
        }
    }

    /** A holiday as listed; one on a Saturday or Sunday changes nothing, which the page says. */
    public record HolidayRow(LocalDate day, String name, boolean weekend) {

        static HolidayRow of(Holidays.HolidayView holiday) {
            DayOfWeek dayOfWeek = holiday.day().getDayOfWeek();
            return new HolidayRow(holiday.day(), holiday.name(),
                    dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY);
        }

        public String dayValue() {
            return day.toString();
        }
    }

    public record CalendarPage(List<HolidayRow> upcoming, List<HolidayRow> past, HolidayForm form,
            FormErrors errors, boolean added) {
    }

    @GetMapping(PATH)
    String show(@RequestParam(required = false) String added, Model model) {
        return page(model, HolidayForm.empty(), FormErrors.none(), added != null);
    }

    @PostMapping(PATH)
    String add(@Valid @ModelAttribute("form") HolidayForm form, BindingResult result, Locale locale, Model model,
            HttpServletResponse response) {
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (!errors.any()) {
            try {
                holidays.add(form.day(), form.name());
                return "redirect:" + PATH + "?added";
            } catch (DomainException e) {
                errors = errors.with(e, messages, locale);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(model, form, errors, false);
    }

    @PostMapping(PATH + "/{day}/delete")
    String remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        holidays.remove(day);
        return "redirect:" + PATH;
    }

    private String page(Model model, HolidayForm form, FormErrors errors, boolean added) {
        LocalDate today = LocalDate.now(clock);
        List<HolidayRow> all = holidays.list().stream().map(HolidayRow::of).toList();
        List<HolidayRow> upcoming = all.stream().filter(holiday -> !holiday.day().isBefore(today)).toList();
        List<HolidayRow> past = all.stream().filter(holiday -> holiday.day().isBefore(today))
                .sorted(Comparator.comparing(HolidayRow::day).reversed())
                .toList();
        model.addAttribute("page", new CalendarPage(upcoming, past, form, errors, added));
        return "plans/calendar";
    }
}
