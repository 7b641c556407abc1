package io.strimzi.crdgenerator.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Strimzi's model classes carry this annotation (runtime retention) on the properties that only some API versions
 * serve, e.g. {@code @PresentInVersions("v1beta2")} on properties kafka.strimzi.io/v1 dropped. Its own artifact
 * (io.strimzi:crd-generator) is not published on Maven Central, so this declaration of the same name lets the
 * tests read the annotation values Strimzi compiled into io.strimzi:api.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE})
public @interface PresentInVersions {
    String value();
}
