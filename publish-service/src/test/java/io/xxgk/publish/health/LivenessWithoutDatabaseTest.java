package io.xxgk.publish.health;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.testing.DatabaseOutageHealth;
import io.xxgk.testing.RealServersResource;
import org.junit.jupiter.api.Test;

/** With PostgreSQL stopped the service stays alive and is not ready; both recover with the database. */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class LivenessWithoutDatabaseTest {

    @Test
    void livenessStaysUpWhileThePostgresqlServerIsStoppedAndReadinessGoesDown() {
        DatabaseOutageHealth.livenessStaysUpWhileReadinessFollowsTheDatabase();
    }
}
