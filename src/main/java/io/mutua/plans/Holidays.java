package io.mutua.plans;

import io.mutua.web.InvalidInputException;
import io.mutua.web.NotFoundException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The team's business-day calendar: weekends off, and the holidays the admin enters. */
@Service
@Transactional
public class Holidays {

    static final int MAX_NAME = 100;

    private final HolidayRepository holidays;

    Holidays(HolidayRepository holidays) {
        this.holidays = holidays;
    }

    public record HolidayView(LocalDate day, String name) {
    }

    @Transactional(readOnly = true)
    public BusinessCalendar calendar() {
        return new BusinessCalendar(holidays.findAll().stream().map(Holiday::day).collect(Collectors.toSet()));
    }

    @Transactional(readOnly = true)
    public List<HolidayView> list() {
        return holidays.findAllInOrder().stream().map(day -> new HolidayView(day.day(), day.name())).toList();
    }

    public void add(LocalDate day, String name) {
        if (day == null) {
            throw new InvalidInputException("day", "validation.required");
        }
        if (day.getYear() < 1900 || day.getYear() > 9999) {
            throw new InvalidInputException("day", "validation.dateRange");
        }
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("name", "validation.required");
        }
        if (trimmed.length() > MAX_NAME) {
            throw new InvalidInputException("name", "validation.maxLength", MAX_NAME);
        }
        if (holidays.existsById(day)) {
            throw new InvalidInputException("day", "holidays.exists");
        }
        holidays.save(Holiday.of(day, trimmed));
    }

    public void remove(LocalDate day) {
        Holiday holiday = holidays.findById(day).orElseThrow(() -> new NotFoundException("holidays.notFound"));
        holidays.delete(holiday);
    }
}
