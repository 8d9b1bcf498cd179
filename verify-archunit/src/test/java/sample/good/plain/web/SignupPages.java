package sample.good.plain.web;

import dev.phoneverify.core.usecase.StartResult;

/** Reads a start's result the way the core intends: a visitor, an extension point. */
final class SignupPages implements StartResult.Visitor<String> {
    @Override
    public String started(StartResult.Started started) {
        return "/code?flow=" + started.flow().id();
    }

    @Override
    public String refused(StartResult.Refused refused) {
        return "/try-later";
    }
}
