package sample.good.plain.audit;

import dev.phoneverify.core.usecase.VerificationEvent;
import dev.phoneverify.core.usecase.VerificationListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener: an extension point. */
public final class AuditTrail implements VerificationListener {
    private final List<VerificationEvent.Kind> kinds = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(VerificationEvent event) {
        kinds.add(event.kind());
    }

    public List<VerificationEvent.Kind> kinds() {
        return List.copyOf(kinds);
    }
}
