package io.xxgk.console.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** One line of the sign-in audit log: who tried, when, from where, and what happened. */
@Entity
@Table(name = "sign_in_event")
public class SignInEvent extends PanacheEntityBase {

    public enum Outcome { SUCCESS, WRONG_PASSWORD, UNKNOWN_USER, LOCKED, DISABLED, SIGN_OUT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Instant at;

    public String username;

    @Column(name = "account_id")
    public Long accountId;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "client_address")
    public String clientAddress;

    public static SignInEvent record(String username, Long accountId, Outcome outcome, String clientAddress) {
        SignInEvent e = new SignInEvent();
        e.at = Instant.now();
        e.username = username == null ? "" : username.length() > 64 ? username.substring(0, 64) : username;
        e.accountId = accountId;
        e.outcome = outcome;
        e.clientAddress = clientAddress == null ? null : clientAddress.length() > 64 ? clientAddress.substring(0, 64) : clientAddress;
        e.persist();
        return e;
    }

    /** The newest events of the accounts of one school, and the attempts with names that match no account. */
    public static List<SignInEvent> latest(String schoolCode, int limit) {
        return find("accountId is null or accountId in (select a.id from Account a where a.schoolCode = ?1) order by at desc, id desc",
                schoolCode).page(0, limit).list();
    }
}
