package io.xxgk.console.service;

import io.xxgk.console.client.SignOffClient;
import io.xxgk.console.security.ConsoleUser;
import io.xxgk.contract.event.SignOffMode;
import io.xxgk.contract.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The administrator's school's sign-off mode (AUTO, OFFICE, TWO_LEVEL), kept by classify-service. */
@ApplicationScoped
public class SignOffModeService {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.of("Asia/Shanghai"));

    public record Choice(String code, String label, String explanation, boolean current) {
    }

    public record ModePage(String schoolCode, String current, String currentLabel, boolean configuredDefault,
                           String changedBy, String changedAt, List<Choice> choices) {
    }

    private final SignOffClient signOff;
    private final ServiceCalls calls;

    public SignOffModeService(@RestClient SignOffClient signOff, ServiceCalls calls) {
        this.signOff = signOff;
        this.calls = calls;
    }

    public ModePage page(ConsoleUser admin) {
        SignOffClient.ModeView m = calls.call("classify-service", () -> signOff.mode(admin.schoolCode()));
        List<Choice> choices = Arrays.stream(SignOffMode.values())
                .map(mode -> new Choice(mode.name(), SignOffLabels.mode(mode.name()), explanation(mode), mode.name().equals(m.mode())))
                .toList();
        return new ModePage(m.schoolCode(), m.mode(), SignOffLabels.mode(m.mode()), m.configuredDefault(), m.changedBy(),
                m.changedAt() == null ? null : WHEN.format(m.changedAt()), choices);
    }

    public void set(ConsoleUser admin, String mode) {
        SignOffMode chosen = Arrays.stream(SignOffMode.values()).filter(m -> m.name().equals(mode)).findFirst()
                .orElseThrow(() -> ProblemException.invalid("mode", "unknown", "choose AUTO, OFFICE or TWO_LEVEL", "请选择一种审核模式"));
        calls.call("classify-service", () -> signOff.setMode(admin.schoolCode(), new SignOffClient.ModeRequest(chosen.name())));
    }

    static String explanation(SignOffMode mode) {
        return switch (mode) {
            case AUTO -> "分类置信且未发现个人信息的事项自动公开；其余事项（置信度低、含个人信息等）进入信息公开办公室审核。";
            case OFFICE -> "每一项信息（一事一审）都须经信息公开办公室审核人同意后才公开：同意、更正清单事项、退回部门或不予公开。";
            case TWO_LEVEL -> "每一项信息先经信息公开办公室审核，再由分管领导审定，两级都同意后才公开；审核人不能代替领导审定。";
        };
    }
}
