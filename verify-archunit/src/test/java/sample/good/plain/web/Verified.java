package sample.good.plain.web;

import dev.phoneverify.core.usecase.CheckResult;

/** True for the one case that verifies. */
final class Verified implements CheckResult.Visitor<Boolean> {
    @Override
    public Boolean verified(CheckResult.Verified verified) {
        return true;
    }

    @Override
    public Boolean wrongCode(CheckResult.WrongCode wrong) {
        return false;
    }

    @Override
    public Boolean failed(CheckResult.Failed failed) {
        return false;
    }

    @Override
    public Boolean expired(CheckResult.Expired expired) {
        return false;
    }

    @Override
    public Boolean refused(CheckResult.Refused refused) {
        return false;
    }
}
