package io.mutua.identity;

import io.mutua.web.FormErrors;
import io.mutua.web.InvalidInputException;
import io.mutua.web.Paths;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
public class SetupController {

    private final SetupService setup;
    private final MessageSource messages;

    SetupController(SetupService setup, MessageSource messages) {
        this.setup = setup;
        this.messages = messages;
    }

    public record SetupForm(
            @NotBlank(message = "{validation.required}") @Email(message = "{validation.email}")
            @Size(max = 254, message = "{validation.size}") String email,
            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String name,
            @NotBlank(message = "{validation.required}")
            @Size(min = PasswordRules.MIN_LENGTH, max = PasswordRules.MAX_LENGTH, message = "{validation.passwordLength}")
            String password,
            String passwordConfirmation,
            boolean sampleData) {

        static SetupForm empty() {
            return new SetupForm("", "", "", "", true);
        }

        SetupForm withoutPasswords() {
            return new SetupForm(email, name, "", "", sampleData);
        }
    }

    public record SetupPage(SetupForm form, FormErrors errors) {
    }

    @GetMapping(Paths.SETUP)
    String form(Model model) {
        if (!setup.setupRequired()) {
            return "redirect:" + Paths.LOGIN;
        }
        model.addAttribute("page", new SetupPage(SetupForm.empty(), FormErrors.none()));
        return "identity/setup";
    }

    @PostMapping(Paths.SETUP)
    String create(@Valid @ModelAttribute("form") SetupForm form, BindingResult result, Locale locale, Model model) {
        if (!setup.setupRequired()) {
            return "redirect:" + Paths.LOGIN;
        }
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (!result.hasFieldErrors("password") && !form.password().equals(form.passwordConfirmation())) {
            errors = errors.withField("passwordConfirmation", messages.getMessage("validation.passwordsDiffer", null,
                    locale));
        }
        if (!errors.any()) {
            try {
                setup.createFirstAdmin(form.email(), form.name(), form.password(), locale, form.sampleData());
                return "redirect:" + Paths.LOGIN + "?setup";
            } catch (InvalidInputException e) {
                errors = errors.withField(e.field(), messages.getMessage(e.messageKey(), e.args(), locale));
            }
        }
        model.addAttribute("page", new SetupPage(form.withoutPasswords(), errors));
        return "identity/setup";
    }
}
