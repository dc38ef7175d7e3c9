package io.mutua.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.deals.DealDetails;
import io.mutua.deals.DealService;
import io.mutua.deals.DealView;
import io.mutua.deals.Money;
import io.mutua.identity.SignIn;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The admin's holiday calendar. Holidays are shared by every test, so each test removes the ones it added. */
@IntegrationTest
class HolidayAdminIntegrationTest {

    private static final String CALENDAR = "/admin/calendar";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    Holidays holidays;
    @Autowired
    DealService deals;
    @Autowired
    PlanService plans;
    @Autowired
    Users users;
    @Autowired
    Clock clock;

    TestData.Seller admin;
    final Set<LocalDate> added = new LinkedHashSet<>();

    @BeforeEach
    void anAdmin() {
        admin = data.user("ADMIN", null);
    }

    @AfterEach
    void removeTheHolidaysAdded() {
        List<LocalDate> existing = holidays.list().stream().map(Holidays.HolidayView::day).toList();
        added.stream().filter(existing::contains).forEach(holidays::remove);
    }

    @Test
    void anAdminAddsListsAndRemovesHolidays() throws Exception {
        LocalDate future = freeWeekday(2090, 2099);
        LocalDate past = freeWeekday(1990, 1999);
        String unique = TestData.unique();

        add(future, "Founders day " + unique).andExpect(redirectedUrl(CALENDAR + "?added"));
        add(past, "Old day " + unique).andExpect(redirectedUrl(CALENDAR + "?added"));

        // Following the redirect, a browser sends "added" as a parameter without a value.
        String page = mvc.perform(get(CALENDAR).param("added", "").with(SignIn.as(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Holiday added.");
        assertThat(page(CALENDAR)).doesNotContain("Holiday added.");
        String upcoming = section(page, "upcoming-holidays", "past-heading");
        String previous = section(page, "past-holidays", "</section>");
        assertThat(upcoming).contains("id=\"holiday-" + future + "\"", "Founders day " + unique)
                .doesNotContain("Old day " + unique);
        assertThat(previous).contains("id=\"holiday-" + past + "\"", "Old day " + unique)
                .doesNotContain("Founders day " + unique);
        assertThat(holidays.list()).contains(new Holidays.HolidayView(future, "Founders day " + unique));

        mvc.perform(post(CALENDAR + "/" + future + "/delete").with(SignIn.as(admin)).with(csrf()))
                .andExpect(redirectedUrl(CALENDAR));
        assertThat(holidays.list()).extracting(Holidays.HolidayView::day).doesNotContain(future).contains(past);
        assertThat(page(CALENDAR)).doesNotContain("Founders day " + unique).contains("Old day " + unique);
    }

    @Test
    void aDateTakenTwiceOrAMissingFieldIsExplainedNextToTheField() throws Exception {
        LocalDate day = freeWeekday(2090, 2099);
        add(day, "First name").andExpect(redirectedUrl(CALENDAR + "?added"));

        String duplicate = add(day, "Second name").andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();
        assertThat(duplicate).contains("<p class=\"field-error\" id=\"day-error\">This date is already a holiday.</p>",
                "value=\"Second name\"", "value=\"" + day + "\"");
        assertThat(holidays.list()).contains(new Holidays.HolidayView(day, "First name"));

        String noName = add(freeWeekday(2090, 2099), " ").andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();
        assertThat(noName).contains("<p class=\"field-error\" id=\"name-error\">This field is required.</p>");

        String noDate = mvc.perform(post(CALENDAR).with(SignIn.as(admin)).with(csrf())
                        .param("day", "").param("name", "Dateless"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(noDate).contains("<p class=\"field-error\" id=\"day-error\">This field is required.</p>",
                "value=\"Dateless\"");

        String badDate = mvc.perform(post(CALENDAR).with(SignIn.as(admin)).with(csrf())
                        .param("day", "31/12/2095").param("name", "Badly dated"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(badDate).contains("<p class=\"field-error\" id=\"day-error\">Enter a date.</p>");

        String longName = add(freeWeekday(2090, 2099), "x".repeat(101)).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();
        assertThat(longName).contains("id=\"name-error\">Use at most 100 characters.</p>");
        assertThat(holidays.list()).extracting(Holidays.HolidayView::name)
                .doesNotContain("Second name", "Dateless", "Badly dated");
    }

    @Test
    void onlyAnAdminSeesOrChangesTheCalendar() throws Exception {
        TestData.Seller manager = data.user("MANAGER", null);
        mvc.perform(get(CALENDAR).with(SignIn.as(manager))).andExpect(status().isForbidden());
        LocalDate day = freeWeekday(2090, 2099);
        mvc.perform(post(CALENDAR).with(SignIn.as(manager)).with(csrf()).param("day", day.toString())
                .param("name", "Not allowed")).andExpect(status().isForbidden());
        added.add(day);
        assertThat(holidays.list()).extracting(Holidays.HolidayView::day).doesNotContain(day);

        assertThat(page("/deals")).contains("<a href=\"/admin/calendar\">Calendar</a>");
        assertThat(mvc.perform(get("/deals").with(SignIn.as(manager))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("/admin/calendar");
    }

    @Test
    void newPlansAreScheduledAroundAHoliday() throws Exception {
        Viewer rep = users.viewer(data.user("REP", data.team("Holidays")).id());
        BusinessCalendar before = holidays.calendar();
        LocalDate holiday = before.plusBusinessDays(before.onOrAfter(LocalDate.now(clock)), 1);

        add(holiday, "Surprise day off").andExpect(redirectedUrl(CALENDAR + "?added"));
        assertThat(holidays.calendar().isBusinessDay(holiday)).isFalse();
        Map<String, LocalDate> withHoliday = targets(plans.generate(rep, newDeal(rep).id()));

        mvc.perform(post(CALENDAR + "/" + holiday + "/delete").with(SignIn.as(admin)).with(csrf()))
                .andExpect(redirectedUrl(CALENDAR));
        Map<String, LocalDate> without = targets(plans.generate(rep, newDeal(rep).id()));

        // The same playbook scheduled from the same day: everything due on or after the lost day is one business
        // day later, everything before it unchanged, and nothing is due on the holiday.
        assertThat(withHoliday.keySet()).isEqualTo(without.keySet());
        assertThat(withHoliday).doesNotContainValue(holiday);
        assertThat(without.values()).anySatisfy(date -> assertThat(date).isAfterOrEqualTo(holiday));
        without.forEach((key, date) -> assertThat(withHoliday.get(key)).as(key)
                .isEqualTo(date.isBefore(holiday) ? date : before.plusBusinessDays(date, 1)));
    }

    private org.springframework.test.web.servlet.ResultActions add(LocalDate day, String name) throws Exception {
        added.add(day);
        return mvc.perform(post(CALENDAR).with(SignIn.as(admin)).with(csrf()).param("day", day.toString())
                .param("name", name));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(SignIn.as(admin))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private DealView newDeal(Viewer rep) {
        return deals.create(rep, new DealDetails("Holiday deal " + TestData.unique(), "Account",
                Money.of("250000", "EUR"), rep.userId(), null, null, "Enterprise"), "prospecting");
    }

    private static Map<String, LocalDate> targets(PlanView plan) {
        return plan.steps().stream().collect(Collectors.toMap(StepView::key, StepView::targetDate));
    }

    /** A Monday-to-Friday day in these years that is not a holiday yet. */
    private LocalDate freeWeekday(int fromYear, int toYear) {
        List<LocalDate> taken = holidays.list().stream().map(Holidays.HolidayView::day).toList();
        while (true) {
            LocalDate day = LocalDate.of(fromYear, 1, 1)
                    .plusDays(ThreadLocalRandom.current().nextInt((toYear - fromYear + 1) * 365));
            if (day.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue() && !taken.contains(day)
                    && !added.contains(day)) {
                return day;
            }
        }
    }

    private static String section(String page, String id, String end) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("element %s", id).isNotNegative();
        int stop = page.indexOf(end, start);
        return page.substring(start, stop < 0 ? page.length() : stop);
    }
}
