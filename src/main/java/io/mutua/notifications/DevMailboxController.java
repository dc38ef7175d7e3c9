package io.mutua.notifications;

import java.util.List;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The Dev mailbox: every email the embedded SMTP server received, so links in them can be followed. */
@Controller
@Conditional(EmbeddedMailConfiguration.NoExternalMailHost.class)
public class DevMailboxController {

    static final String PATH = "/dev/mailbox";

    private final DevMailbox mailbox;

    DevMailboxController(DevMailbox mailbox) {
        this.mailbox = mailbox;
    }

    public record MailboxPage(List<DevMail> mails) {
    }

    @GetMapping(PATH)
    String show(Model model) {
        model.addAttribute("page", new MailboxPage(mailbox.all()));
        return "notifications/mailbox";
    }
}
