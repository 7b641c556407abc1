package io.xxgk.publish.rest;

import io.xxgk.contract.security.ActingUser;
import jakarta.ws.rs.HeaderParam;

/**
 * The three X-Xxgk-Actor* headers by which the console names the person it acts for, taken by a console endpoint as
 * one {@code @BeanParam}.
 */
public class ActorHeaders {

    @HeaderParam(ActingUser.NAME_HEADER)
    String name;

    @HeaderParam(ActingUser.ROLE_HEADER)
    String role;

    @HeaderParam(ActingUser.DEPARTMENT_HEADER)
    String department;

    /** The acting user; otherwise a 400 problem naming each header that is missing or wrong. */
    public ActingUser require() {
        return ActingUser.require(name, role, department);
    }
}
