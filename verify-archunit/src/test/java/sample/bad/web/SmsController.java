package sample.bad.web;

import com.vonage.client.VonageClient;

/** Breaks "provider SDK only in the adapters": it holds the SDK's client itself. */
public final class SmsController {
    private final VonageClient vonage;

    public SmsController(VonageClient vonage) {
        this.vonage = vonage;
    }

    public String account() {
        return String.valueOf(vonage.getAccountClient());
    }
}
