package io.mutua.identity;

import io.mutua.web.DomainException;
import io.mutua.web.FormErrors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Each user's own page: name, password, language and personal API tokens. */
@Controller
public class ProfileController {

    static final String PATH = "/profile";
    private static final String NEW_TOKEN = "newToken";
    private static final Set<String> NOTICES = Set.of("name", "password", "revoked");

    private final UserAdministration admin;
    private final ApiTokens tokens;
    private final MessageSource messages;

    ProfileController(UserAdministration admin, ApiTokens tokens, MessageSource messages) {
        this.admin = admin;
        this.tokens = tokens;
        this.messages = messages;
    }

    public record NameForm(
            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String name,
            long version) {
    }

    public record PasswordChangeForm(
            @NotBlank(message = "{validation.required}") String currentPassword,
            @NotBlank(message = "{validation.required}")
            @Size(min = PasswordRules.MIN_LENGTH, max = PasswordRules.MAX_LENGTH, message = "{validation.passwordLength}")
            String newPassword) {
    }

    public record TokenForm(
            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String name) {
    }

    public record ProfilePage(String email, Role role, NameForm nameForm, FormErrors nameErrors, FormErrors passwordErrors,
            List<ApiTokenView> tokens, FormErrors tokenErrors, String newToken, String notice) {
    }

    @GetMapping(PATH)
    String show(Viewer viewer, @RequestParam(required = false) String saved, Model model) {
        User user = admin.user(viewer.userId());
        Object newToken = model.getAttribute(NEW_TOKEN);
        return page(model, user, new NameForm(user.name(), user.version()), FormErrors.none(), FormErrors.none(),
                FormErrors.none(), newToken == null ? null : newToken.toString(),
                saved != null && NOTICES.contains(saved) ? saved : null);
    }

    @PostMapping(PATH)
    String rename(Viewer viewer, @Valid @ModelAttribute("nameForm") NameForm form, BindingResult result,
            Locale locale, Model model) {
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (!errors.any()) {
            try {
                admin.renameSelf(viewer.userId(), form.name(), form.version());
                return "redirect:" + PATH + "?saved=name";
            } catch (DomainException e) {
                errors = errors.with(e, messages, locale);
            }
        }
        User user = admin.user(viewer.userId());
        return page(model, user, new NameForm(form.name(), user.version()), errors, FormErrors.none(),
                FormErrors.none(), null, null);
    }

    @PostMapping(PATH + "/password")
    String changePassword(Viewer viewer, @Valid @ModelAttribute("passwordForm") PasswordChangeForm form,
            BindingResult result, Locale locale, Model model) {
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (!errors.any()) {
            try {
                admin.changeOwnPassword(viewer.userId(), form.currentPassword(), form.newPassword());
                return "redirect:" + PATH + "?saved=password";
            } catch (DomainException e) {
                errors = errors.with(e, messages, locale);
            }
        }
        User user = admin.user(viewer.userId());
        return page(model, user, new NameForm(user.name(), user.version()), FormErrors.none(), errors,
                FormErrors.none(), null, null);
    }

    @PostMapping(PATH + "/tokens")
    String createToken(Viewer viewer, @Valid @ModelAttribute("tokenForm") TokenForm form, BindingResult result,
            Locale locale, Model model, RedirectAttributes redirect) {
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (!errors.any()) {
            redirect.addFlashAttribute(NEW_TOKEN, tokens.create(viewer.userId(), form.name()));
            return "redirect:" + PATH + "#tokens";
        }
        User user = admin.user(viewer.userId());
        return page(model, user, new NameForm(user.name(), user.version()), FormErrors.none(), FormErrors.none(),
                errors, null, null);
    }

    @PostMapping(PATH + "/tokens/{id}/revoke")
    String revokeToken(Viewer viewer, @PathVariable UUID id) {
        tokens.revoke(viewer.userId(), id);
        return "redirect:" + PATH + "?saved=revoked#tokens";
    }

    private String page(Model model, User user, NameForm nameForm, FormErrors nameErrors, FormErrors passwordErrors,
            FormErrors tokenErrors, String newToken, String notice) {
        model.addAttribute("page", new ProfilePage(user.email(), user.role(), nameForm, nameErrors, passwordErrors,
                tokens.live(user.id()), tokenErrors, newToken, notice));
        return "identity/profile";
    }
}
