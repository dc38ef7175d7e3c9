package io.mutua.identity;

import io.mutua.web.DomainException;
import io.mutua.web.FormErrors;
import io.mutua.web.Paths;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin's pages for users and teams. */
@Controller
public class UserAdminController {

    static final String PATH = Paths.ADMIN + "/users";
    static final String TEAMS_PATH = Paths.ADMIN + "/teams";

    private final UserAdministration admin;
    private final MessageSource messages;

    UserAdminController(UserAdministration admin, MessageSource messages) {
        this.admin = admin;
        this.messages = messages;
    }

    public record NewUserForm(
            @NotBlank(message = "{validation.required}") @Email(message = "{validation.email}")
            @Size(max = 254, message = "{validation.size}") String email,
            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String name,
            @NotNull(message = "{validation.required}") Role role,
            UUID teamId,
            @NotBlank(message = "{validation.required}")
            @Size(min = PasswordRules.MIN_LENGTH, max = PasswordRules.MAX_LENGTH, message = "{validation.passwordLength}")
            String password) {

        static NewUserForm empty() {
            return new NewUserForm("", "", Role.REP, null, "");
        }

        UserAdministration.NewUser toCommand() {
            return new UserAdministration.NewUser(email, name, role, teamId, password);
        }
    }

    public record EditUserForm(
            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String name,
            @NotNull(message = "{validation.required}") Role role,
            UUID teamId,
            boolean active,
            long version) {

        static EditUserForm from(User user) {
            return new EditUserForm(user.name(), user.role(), user.teamId(), user.active(), user.version());
        }

        UserAdministration.UserChange toCommand() {
            return new UserAdministration.UserChange(name, role, teamId, active, version);
        }
    }

    public record PasswordForm(
            @NotBlank(message = "{validation.required}")
            @Size(min = PasswordRules.MIN_LENGTH, max = PasswordRules.MAX_LENGTH, message = "{validation.passwordLength}")
            String password) {
    }

    public record TeamForm(
            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String name,
            long version) {
    }

    public record UserRow(UUID id, String name, String email, Role role, String team, boolean active,
            boolean namedOnly) {
    }

    public record TeamOption(UUID id, String name, long version) {
    }

    public record UsersPage(List<UserRow> users, List<TeamOption> teams, NewUserForm form, FormErrors errors,
            FormErrors teamErrors, String teamName) {
    }

    public record EditUserPage(UUID id, String email, List<TeamOption> teams, EditUserForm form, FormErrors errors,
            FormErrors passwordErrors, boolean saved) {
    }

    @GetMapping(PATH)
    String list(Model model) {
        return usersPage(model, NewUserForm.empty(), FormErrors.none(), FormErrors.none(), "");
    }

    @PostMapping(PATH)
    String create(Viewer viewer, @Valid @ModelAttribute("form") NewUserForm form, BindingResult result,
            Locale locale, Model model) {
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (!errors.any()) {
            try {
                UUID id = admin.create(viewer.userId(), form.toCommand());
                return "redirect:" + PATH + "/" + id + "?created";
            } catch (DomainException e) {
                errors = errors.with(e, messages, locale);
            }
        }
        NewUserForm kept = new NewUserForm(form.email(), form.name(), form.role(), form.teamId(), "");
        return usersPage(model, kept, errors, FormErrors.none(), "");
    }

    @GetMapping(PATH + "/{id}")
    String edit(@PathVariable UUID id, @RequestParam(required = false) String saved,
            @RequestParam(required = false) String created, Model model) {
        User user = admin.user(id);
        return editPage(model, user, EditUserForm.from(user), FormErrors.none(), FormErrors.none(),
                saved != null || created != null);
    }

    @PostMapping(PATH + "/{id}")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") EditUserForm form, BindingResult result,
            Viewer viewer, Locale locale, Model model) {
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (!errors.any()) {
            try {
                admin.update(viewer.userId(), id, form.toCommand());
                return "redirect:" + PATH + "/" + id + "?saved";
            } catch (DomainException e) {
                errors = errors.with(e, messages, locale);
            }
        }
        User current = admin.user(id);
        EditUserForm kept = new EditUserForm(form.name(), form.role(), form.teamId(), form.active(), current.version());
        return editPage(model, current, kept, errors, FormErrors.none(), false);
    }

    @PostMapping(PATH + "/{id}/password")
    String resetPassword(@PathVariable UUID id, @Valid @ModelAttribute("passwordForm") PasswordForm form,
            BindingResult result, Locale locale, Model model) {
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (!errors.any()) {
            try {
                admin.resetPassword(id, form.password());
                return "redirect:" + PATH + "/" + id + "?saved";
            } catch (DomainException e) {
                errors = errors.with(e, messages, locale);
            }
        }
        User user = admin.user(id);
        return editPage(model, user, EditUserForm.from(user), FormErrors.none(), errors, false);
    }

    @PostMapping(TEAMS_PATH)
    String createTeam(@Valid @ModelAttribute("teamForm") TeamForm form, BindingResult result, Locale locale,
            Model model) {
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (!errors.any()) {
            try {
                admin.createTeam(form.name());
                return "redirect:" + PATH;
            } catch (DomainException e) {
                errors = errors.with(e, messages, locale);
            }
        }
        return usersPage(model, NewUserForm.empty(), FormErrors.none(), errors, form.name());
    }

    @PostMapping(TEAMS_PATH + "/{id}")
    String renameTeam(@PathVariable UUID id, @Valid @ModelAttribute("teamForm") TeamForm form, BindingResult result,
            Locale locale, Model model) {
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (!errors.any()) {
            try {
                admin.renameTeam(id, form.name(), form.version());
                return "redirect:" + PATH;
            } catch (DomainException e) {
                errors = errors.with(e, messages, locale);
            }
        }
        return usersPage(model, NewUserForm.empty(), FormErrors.none(), errors, "");
    }

    private String usersPage(Model model, NewUserForm form, FormErrors errors, FormErrors teamErrors,
            String teamName) {
        List<TeamOption> teams = teamOptions();
        Map<UUID, String> teamNames = teams.stream().collect(Collectors.toMap(TeamOption::id, TeamOption::name));
        List<UserRow> rows = admin.users().stream()
                .map(user -> new UserRow(user.id(), user.name(), user.email(), user.role(),
                        user.teamId() == null ? "" : teamNames.getOrDefault(user.teamId(), ""), user.active(),
                        user.namedOnly()))
                .toList();
        model.addAttribute("page", new UsersPage(rows, teams, form, errors, teamErrors, teamName));
        return "identity/users";
    }

    private String editPage(Model model, User user, EditUserForm form, FormErrors errors, FormErrors passwordErrors,
            boolean saved) {
        model.addAttribute("page", new EditUserPage(user.id(), user.email(), teamOptions(), form, errors,
                passwordErrors, saved));
        return "identity/user-edit";
    }

    private List<TeamOption> teamOptions() {
        return admin.teams().stream().map(team -> new TeamOption(team.id(), team.name(), team.version())).toList();
    }
}
