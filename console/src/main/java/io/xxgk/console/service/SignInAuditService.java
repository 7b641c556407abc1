package io.xxgk.console.service;

import io.xxgk.console.repository.SignInEvent;
import io.xxgk.console.security.ConsoleUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/** The audit log of sign-ins, for administrators: their school's accounts, and attempts with unknown names. */
@ApplicationScoped
public class SignInAuditService {

    public record Entry(Instant at, String username, SignInEvent.Outcome outcome, String outcomeLabel, String clientAddress) {
    }

    @Transactional
    public void signedOut(String username, String clientAddress) {
        SignInEvent.record(username, io.xxgk.console.repository.Account.byUsername(username).map(a -> a.id).orElse(null),
                SignInEvent.Outcome.SIGN_OUT, clientAddress);
    }

    @Transactional
    public List<Entry> latest(ConsoleUser admin, int limit) {
        return SignInEvent.latest(admin.schoolCode(), limit).stream()
                .map(e -> new Entry(e.at, e.username, e.outcome, label(e.outcome), e.clientAddress)).toList();
    }

    static String label(SignInEvent.Outcome o) {
        return switch (o) {
            case SUCCESS -> "登录成功 / signed in";
            case WRONG_PASSWORD -> "密码错误 / wrong password";
            case UNKNOWN_USER -> "无此用户 / unknown user";
            case LOCKED -> "账户已锁定 / locked";
            case DISABLED -> "账户已停用 / disabled";
            case SIGN_OUT -> "退出登录 / signed out";
        };
    }
}
