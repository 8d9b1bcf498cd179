package sample.good.own.web;

import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.usecase.CancelResult;
import dev.phoneverify.core.usecase.CancelVerification;

/** Cancels through the use case, which checks the flow and the provider's constraints first. */
public final class CancelController {
    private final CancelVerification cancels;

    public CancelController(CancelVerification cancels) {
        this.cancels = cancels;
    }

    public int cancel(String flow) {
        return cancels.cancel(new FlowId(flow)).accept(new CancelResult.Visitor<Integer>() {
            @Override
            public Integer cancelled(CancelResult.Cancelled cancelled) {
                return 204;
            }

            @Override
            public Integer refused(CancelResult.Refused refused) {
                return 409;
            }
        });
    }
}
