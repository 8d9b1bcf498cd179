package sample.good.plain.web;

import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.usecase.CheckCode;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartVerification;

/** Talks to the use cases only. */
public final class SignupController {
    private final StartVerification starts;
    private final CheckCode checks;

    public SignupController(StartVerification starts, CheckCode checks) {
        this.starts = starts;
        this.checks = checks;
    }

    public String start(String number) {
        return starts.start(StartCommand.to(PhoneNumber.parse(number))).accept(new SignupPages());
    }

    public boolean check(String flow, String code) {
        return checks.check(new CheckCommand(new FlowId(flow), VerificationCode.parse(code)))
                .accept(new Verified());
    }
}
